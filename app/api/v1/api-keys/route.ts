import { createApiKey, listApiKeys } from "@/lib/api-keys";
import { camel, memberRoute, ok } from "../_lib/member-route";
import { apiKeyJson, NewApiKeyBody } from "./_lib/api-key-json";

/** GET /api/v1/api-keys — the practice's keys, newest first (owners and managers, signed in). */
export const GET = memberRoute("session", async ({ actor }) => {
  const keys = await listApiKeys(actor);
  return ok({ object: "list", data: keys.map(apiKeyJson), hasMore: false });
});

/** POST /api/v1/api-keys → 201 with `secret`: the only time the key is shown. */
export const POST = memberRoute("session", async ({ actor, json }) => {
  const body = await json(NewApiKeyBody);
  const { key, secret } = await createApiKey(actor, camel(body));
  return ok({ ...apiKeyJson(key), secret }, 201);
});
