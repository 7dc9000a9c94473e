import { ReasonFields, suspendPractice } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson } from "../../../_lib/http";
import { presentPractice } from "../../../_lib/present";

/** POST /api/v1/admin/tenants/{id}/suspend {reason} → the practice, now suspended (409 if it was). */
export const POST = route<{ id: string }>(async (ctx) => {
  const admin = await adminOf(ctx);
  const body = await ctx.json(ReasonFields);
  return noStoreJson(presentPractice(await suspendPractice(admin, ctx.params.id, body, ctx.ip)));
});
