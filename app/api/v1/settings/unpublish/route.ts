import { unpublishBookingPage } from "@/lib/auth";
import { memberRoute, noContent } from "../../_lib/member-route";

/** POST /api/v1/settings/unpublish → 204: the booking page goes offline; bookings stay. */
export const POST = memberRoute("session", async ({ actor, ip }) => {
  await unpublishBookingPage(actor, { ip });
  return noContent();
});
