import { json } from "@/lib/http";
import { bearerToken, parseBookingId, RescheduleBody, rescheduleManagedBooking } from "@/lib/public-booking";
import { publicRoute } from "../../../_lib/http";

/** POST /api/v1/public/bookings/{id}/reschedule `{start, staff_id?}`; a conflict is a 409 and changes nothing. */
export const POST = publicRoute<{ id: string }>({ policy: "write" }, async (ctx) => {
  const id = parseBookingId(ctx.params.id);
  const token = bearerToken(ctx.request.headers);
  const body = await ctx.json(RescheduleBody);
  return json(await rescheduleManagedBooking(id, token, body), { headers: { "Cache-Control": "no-store" } });
});
