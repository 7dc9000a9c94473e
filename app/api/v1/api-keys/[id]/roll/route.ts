import { rollApiKey } from "@/lib/api-keys";
import { camel, memberRoute, ok, pathId } from "../../../_lib/member-route";
import { apiKeyJson, RollBody } from "../../_lib/api-key-json";

/**
 * POST /api/v1/api-keys/{id}/roll {"grace_hours": 0–24 (default 1)} → the new secret, shown once; the
 * old one keeps working for the grace period.
 */
export const POST = memberRoute<{ id: string }>("session", async ({ actor, params, json }) => {
  const id = pathId(params.id, "API key");
  const body = await json(RollBody);
  const { key, secret } = await rollApiKey(actor, id, camel(body));
  return ok({ ...apiKeyJson(key), secret });
});
