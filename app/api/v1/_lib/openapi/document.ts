/**
 * The OpenAPI 3.1 document, assembled from OPERATIONS with zod 4's JSON Schema output (draft 2020-12,
 * OpenAPI 3.1's dialect): request schemas as they are accepted (`io: "input"`), responses as sent.
 */
import { z } from "zod";
import { SCOPES } from "@/lib/api-keys/fields";
import { IDEMPOTENCY_HEADER } from "@/lib/http";
import { Problem } from "./objects";
import { type Access, OPERATIONS, type Operation } from "./operations";

type Json = Record<string, unknown>;
/** Named schemas collected while the document is built; the document is built once per process. */
const components: Record<string, Json> = {};
let built: Json | undefined;

/** A schema as JSON Schema, its named parts moved into components.schemas. */
function schema(s: z.ZodType, io: "input" | "output"): Json {
  const generated = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" });
  const out = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  const { $schema: _, $defs, ...rest } = out;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) components[name] = def;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const header = (description: string) => ({ description, schema: { type: "string" } });
const COMMON_HEADERS = {
  "X-Request-Id": header("The request's id; quote it to support. Also in every problem body."),
  RateLimit: header('Remaining quota, e.g. `"api-key";r=599;t=60` (draft-ietf-httpapi-ratelimit-headers).'),
  "RateLimit-Policy": header('The quota, e.g. `"api-key";q=600;w=60`.'),
  "Cache-Control": header("Always `private, no-store`."),
};

function security(access: Access): Json[] | undefined {
  switch (access) {
    case "public":
      return [];
    case "manage-token":
      return [{ manageToken: [] }];
    case "session":
      return [{ session: [] }];
    case "admin":
      return [{ session: [] }];
    default:
      return [{ apiKey: [access] }, { session: [] }];
  }
}

function problem(description: string) {
  return {
    description,
    headers: COMMON_HEADERS,
    content: { "application/problem+json": { schema: ref("Problem") } },
  };
}

function parameters(o: Operation): Json[] {
  const inPath = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string", format: o.path.includes("{slug}") && m[1] === "slug" ? undefined : "uuid" },
  }));
  const query: Json[] = [];
  if (o.query) {
    const q = schema(o.query, "input");
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries((q.properties ?? {}) as Record<string, Json>)) {
      query.push({ name, in: "query", required: required.has(name), schema: s });
    }
  }
  if (o.list) {
    query.push(
      { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
      {
        name: "starting_after",
        in: "query",
        description: "An object id: the page after it.",
        schema: { type: "string" },
      },
      {
        name: "ending_before",
        in: "query",
        description: "An object id: the page before it.",
        schema: { type: "string" },
      },
    );
  }
  if (o.method === "POST" || o.method === "PATCH") {
    query.push({
      name: IDEMPOTENCY_HEADER,
      in: "header",
      description:
        "Replays the stored answer for 24 h; another body is a 422, a request still running a 409.",
      schema: { type: "string", maxLength: 200 },
    });
  }
  return [...inPath, ...query];
}

function operation(o: Operation): Json {
  const ok =
    o.ok.schema === undefined
      ? { description: "Done", headers: COMMON_HEADERS }
      : {
          description: "OK",
          headers: COMMON_HEADERS,
          content: { "application/json": { schema: schema(o.ok.schema, "output") } },
        };
  const scope = o.access in SCOPES ? ` API keys need \`${o.access}\`.` : "";
  return {
    operationId: `${o.method.toLowerCase()}${o.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: o.summary,
    description: `${o.summary}.${scope}${o.access === "session" ? " Signed-in members only: API keys are refused." : ""}`,
    tags: [o.tag],
    security: security(o.access),
    parameters: parameters(o),
    ...(o.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: schema(o.body, "input"),
                ...(o.example ? { example: o.example } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(o.ok.status)]: ok,
      "401": problem("No valid API key or session"),
      "403": problem("Missing scope, not allowed, or practice suspended"),
      "404": problem("Not found (also another practice's object)"),
      "409": problem(
        "Conflict (slot taken, transition not allowed, request with this Idempotency-Key in flight)",
      ),
      "422": problem("Invalid input; `errors[]` names the fields"),
      "429": problem("Rate limited; see Retry-After"),
    },
  };
}

export function openApiDocument(serverUrl: string): Json {
  built ??= build(serverUrl);
  return built;
}

function build(serverUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const o of OPERATIONS) {
    paths[o.path] = { ...paths[o.path], [o.method.toLowerCase()]: operation(o) };
  }
  components.Problem = schema(Problem, "output");
  return {
    openapi: "3.1.0",
    info: {
      title: "Boka API",
      version: "1",
      description:
        "The team API (API keys or a signed-in session) and the anonymous public booking API. See docs/api.md for the guide.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "boka_live_…",
          description: `A practice's API key. Scopes: ${Object.keys(SCOPES).join(", ")}.`,
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "boka_session",
          description: "The dashboard's session cookie",
        },
        manageToken: {
          type: "http",
          scheme: "bearer",
          description: "The manage token returned when booking",
        },
      },
    },
  };
}
