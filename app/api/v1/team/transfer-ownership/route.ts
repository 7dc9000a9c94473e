import { transferOwnership } from "@/lib/tenants";
import { TransferBody } from "../../_lib/bodies";
import { memberRoute, noContent } from "../../_lib/member-route";

/** POST /api/v1/team/transfer-ownership `{user_id}` → 204: they become an owner, the caller a manager. */
export const POST = memberRoute("session", async ({ actor, json, ip }) => {
  const body = await json(TransferBody);
  await transferOwnership(actor, body.user_id, { ip });
  return noContent();
});
