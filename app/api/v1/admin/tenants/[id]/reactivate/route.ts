import { reactivatePractice } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson, optionalBody } from "../../../_lib/http";
import { presentPractice } from "../../../_lib/present";

/** POST /api/v1/admin/tenants/{id}/reactivate [{reason}] → the practice, active again (409 if it was). */
export const POST = route<{ id: string }>(async (ctx) => {
  const admin = await adminOf(ctx);
  const body = await optionalBody(ctx.request);
  return noStoreJson(presentPractice(await reactivatePractice(admin, ctx.params.id, body, ctx.ip)));
});
