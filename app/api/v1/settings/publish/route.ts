import { publishBookingPage } from "@/lib/auth";
import { memberRoute, ok } from "../../_lib/member-route";

/** POST /api/v1/settings/publish → `{published_at}`; needs an owner with a confirmed email (else 422). */
export const POST = memberRoute("session", async ({ actor, ip }) => {
  return ok({ publishedAt: await publishBookingPage(actor, { ip }) });
});
