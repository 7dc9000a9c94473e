import { z } from "zod";
import { transferOwnership } from "@/lib/tenants";
import { memberRoute, noContent } from "../../_lib/member-route";

/** POST /api/v1/team/transfer-ownership `{user_id}` → 204: they become an owner, the caller a manager. */
export const POST = memberRoute(async ({ actor, json, ip }) => {
  const body = await json(z.object({ user_id: z.uuid("Choose a team member") }));
  await transferOwnership(actor, body.user_id, { ip });
  return noContent();
});
