import { revokeApiKey } from "@/lib/api-keys";
import { memberRoute, ok, pathId } from "../../_lib/member-route";
import { apiKeyJson } from "../_lib/api-key-json";

/** DELETE /api/v1/api-keys/{id} — revokes the key at once; the revoked key is returned. */
export const DELETE = memberRoute<{ id: string }>("session", async ({ actor, params }) => {
  const key = await revokeApiKey(actor, pathId(params.id, "API key"));
  return ok(apiKeyJson(key));
});
