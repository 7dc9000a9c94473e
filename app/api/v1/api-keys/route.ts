import { createApiKey, listApiKeysPage } from "@/lib/api-keys";
import { camel, list, listParams, memberRoute, ok } from "../_lib/member-route";
import { apiKeyJson, NewApiKeyBody } from "./_lib/api-key-json";

/** GET /api/v1/api-keys?limit&starting_after&ending_before — newest first (owners and managers, signed in). */
export const GET = memberRoute("session", async ({ actor, request }) => {
  return list(await listApiKeysPage(actor, listParams(request)), apiKeyJson);
});

/** POST /api/v1/api-keys → 201 with `secret`: the only time the key is shown. */
export const POST = memberRoute("session", async ({ actor, json }) => {
  const body = await json(NewApiKeyBody);
  const { key, secret } = await createApiKey(actor, camel(body));
  return ok({ ...apiKeyJson(key), secret }, 201);
});
