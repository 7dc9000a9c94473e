/**
 * The OpenAPI document against the code: every route file under app/api/v1 is documented with its
 * methods and nothing else is; and real answers of every documented GET (and the main POSTs), on the
 * demo practice, validate against the document's schemas with ajv.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { createApiKey } from "@/lib/api-keys";
import { SCOPE_NAMES } from "@/lib/api-keys/fields";
import { confirmMfaEnrolment, generateTotpCode, startMfaEnrolment } from "@/lib/auth";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { DEMO_ADMIN, DEMO_SLUG, DEMO_USERS, seedDemo } from "@/lib/demo";
import { signedInAs, withApiKey } from "../support/http";

afterAll(closeDatabase);

const ROOT = path.resolve(__dirname, "../../app/api/v1");
/** `app/api/v1/bookings/[id]/route.ts` → `/bookings/{id}`. */
const routeOf = (file: string) =>
  `/${path.relative(ROOT, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
type Doc = { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
type Json = Record<string, unknown>;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

let doc: Doc;
beforeAll(async () => {
  doc = await (
    await openapi(new Request("http://localhost:3000/api/v1/openapi.json"), { params: Promise.resolve({}) })
  ).json();
});

describe("route coverage, both ways", () => {
  it("the document has exactly the filesystem's routes and methods", async () => {
    const onDisk: string[] = [];
    for (const file of routeFiles(ROOT)) {
      const exported = [
        ...readFileSync(file, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm),
      ];
      for (const [, m] of exported) onDisk.push(`${m} ${routeOf(file)}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(onDisk.sort());
  });

  it("is OpenAPI 3.1 with bearer (scoped) and cookie security, problem+json errors and examples", () => {
    expect((doc as unknown as Json).openapi).toBe("3.1.0");
    const list = doc.paths["/bookings"]?.get as Json;
    expect(list.security).toEqual([{ apiKey: ["bookings:read"] }, { session: [] }]);
    expect(JSON.stringify((list.responses as Json)["403"])).toContain("application/problem+json");
    expect(JSON.stringify(doc.paths["/bookings"]?.post)).toContain('"example"');
    expect(doc.paths["/team"]?.get?.security).toEqual([{ session: [] }]);
  });
});

describe("real answers validate against the document", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validator = (p: string, method: string, status: number) => {
    const op = doc.paths[p]?.[method] as Json;
    const content = ((op.responses as Json)[String(status)] as Json).content as Json;
    const schema = (content["application/json"] as Json).schema as Json;
    return ajv.compile({ ...schema, $defs: undefined, components: doc.components });
  };

  type Ctx = { ids: Record<string, string>; token: string };
  let ctx: Ctx;
  let key: ReturnType<typeof withApiKey>;
  let owner: Awaited<ReturnType<typeof signedInAs>>;
  let admin: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    // The document's $refs point at #/components/schemas/…: serve them from the same object.
    ajv.addSchema({ $id: "doc", components: doc.components });
    await seedDemo();
    const found = await withSystem("test reads the demo practice's ids", async (tx) => {
      const [t] = await tx
        .select({ id: tables.tenants.id })
        .from(tables.tenants)
        .where(eq(tables.tenants.slug, DEMO_SLUG));
      const tenantId = t?.id ?? "";
      const first = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows)[0]?.id ?? "";
      const userId = (email: string) =>
        first(tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, email)));
      return {
        tenantId,
        ownerId: await userId(DEMO_USERS[0]?.email ?? ""),
        adminId: await userId(DEMO_ADMIN.email),
        booking: await first(
          tx
            .select({ id: tables.bookings.id })
            .from(tables.bookings)
            .where(eq(tables.bookings.tenantId, tenantId)),
        ),
        customer: await first(
          tx
            .select({ id: tables.customers.id })
            .from(tables.customers)
            .where(eq(tables.customers.tenantId, tenantId)),
        ),
        staff: await first(
          tx
            .select({ id: tables.staffMembers.id })
            .from(tables.staffMembers)
            .where(eq(tables.staffMembers.tenantId, tenantId)),
        ),
        service: await first(
          tx
            .select({ id: tables.services.id })
            .from(tables.services)
            .where(and(eq(tables.services.tenantId, tenantId), eq(tables.services.isPublic, true))),
        ),
      };
    });
    owner = await signedInAs(found.ownerId, found.tenantId);
    admin = await signedInAs(found.adminId, null);
    // Platform admin answers need MFA on the account (the demo admin has none): turn it on.
    const adminUser = { id: found.adminId, email: DEMO_ADMIN.email };
    const { secret } = await startMfaEnrolment(adminUser);
    await confirmMfaEnrolment(adminUser, generateTotpCode(secret, Date.now()), { now: Date.now() });
    const ownerActor = {
      kind: "member" as const,
      userId: found.ownerId,
      tenantId: found.tenantId,
      role: "owner" as const,
    };
    key = withApiKey(
      (
        await createApiKey(ownerActor, {
          name: "openapi test",
          scopes: [...SCOPE_NAMES],
          rateLimitPerMinute: 6000,
        })
      ).secret,
    );
    ctx = { ids: found as unknown as Record<string, string>, token: "" };
  });

  const ROUTES = new Map(
    routeFiles(ROOT).map((f) => [
      `/${path.relative(ROOT, path.dirname(f)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"),
      f,
    ]),
  );
  async function call(method: string, p: string, body?: unknown, extra: Record<string, string> = {}) {
    const op = doc.paths[p]?.[method.toLowerCase()] as Json;
    const access = JSON.stringify(op.security);
    const params: Record<string, string> = {
      id: p.startsWith("/admin")
        ? (ctx.ids.tenantId ?? "")
        : p.startsWith("/bookings") || p.startsWith("/public/bookings")
          ? (ctx.ids.booking ?? "")
          : p.startsWith("/customers")
            ? (ctx.ids.customer ?? "")
            : (ctx.ids.staff ?? ""),
      slug: DEMO_SLUG,
      serviceId: ctx.ids.service ?? "",
    };
    const concrete = p.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? "");
    const mod = await import(ROUTES.get(p) ?? "");
    const handler = mod[method];
    const query = new URLSearchParams(extra).toString();
    const url = `${concrete}${query ? `?${query}` : ""}`;
    const who = p.startsWith("/admin") ? admin : access.includes("apiKey") ? key : owner;
    const init = { method, body, params };
    if (p.startsWith("/public/bookings")) {
      const req = new Request(`http://localhost:3000/api/v1${url}`, {
        headers: { authorization: `Bearer ${ctx.token}` },
      });
      return handler(req, { params: Promise.resolve({ id: ctx.ids.publicBooking }) }) as Promise<Response>;
    }
    return who.call(handler, `/api/v1${url}`, init);
  }

  const QUERIES: Record<string, Record<string, string>> = {
    "/calendar": { start: new Date().toISOString().slice(0, 10), view: "week" },
    "/admin/tenants/{id}/bookings": { reason: "Checking the schema of this answer" },
  };

  it("main POSTs answer as documented", async () => {
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await call("POST", "/customers", {
      name: "Schema Person",
      email: `schema-${Date.now()}@example.test`,
    });
    expect(created.status).toBe(201);
    expect(validator("/customers", "post", 201)(await created.json())).toBe(true);
    const issued = await owner.call((await import(ROUTES.get("/api-keys") ?? "")).POST, "/api/v1/api-keys", {
      method: "POST",
      body: { name: "doc", scopes: ["bookings:read"] },
    });
    const v = validator("/api-keys", "post", 201);
    expect(v(await issued.json()), JSON.stringify(v.errors)).toBe(true);
    const slots = await call("GET", "/public/tenants/{slug}/availability", undefined, {
      service_id: ctx.ids.service ?? "",
      from: day,
      to: day,
    });
    const free = await slots.json();
    const start = JSON.stringify(free).match(/"start":"([^"]+)"/)?.[1];
    expect(start).toBeTruthy();
    const booked = await call("POST", "/public/tenants/{slug}/bookings", {
      service_id: ctx.ids.service,
      start,
      customer: { name: "Schema Person", email: "schema@example.test" },
    });
    expect(booked.status).toBe(201);
    const body = await booked.json();
    expect(validator("/public/tenants/{slug}/bookings", "post", 201)(body)).toBe(true);
    ctx.token = body.manage_token;
    ctx.ids.publicBooking = body.booking?.id ?? body.id;
  });

  it("every documented GET answers 200 with a body its schema accepts", async () => {
    const extra: Record<string, Record<string, string>> = {
      ...QUERIES,
      "/public/tenants/{slug}/availability": {
        service_id: ctx.ids.service ?? "",
        from: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        to: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      },
    };
    const gets = Object.entries(doc.paths).filter(([, ops]) => ops.get);
    expect(gets.length).toBeGreaterThan(15);
    for (const [p] of gets) {
      const res = await call("GET", p, undefined, extra[p] ?? {});
      const body = await res.json();
      expect(res.status, `${p}: ${JSON.stringify(body)}`).toBe(200);
      const validate = validator(p, "get", 200);
      expect(validate(body), `${p}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
