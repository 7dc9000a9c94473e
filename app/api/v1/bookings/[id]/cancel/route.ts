import { cancelBookingAtDesk } from "@/lib/bookings";
import { CancelBody } from "../../../_lib/bodies";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";
import { bookingJson } from "../../_lib/booking-json";

/** POST /api/v1/bookings/{id}/cancel `{reason}`: the reason goes into the booking's history. */
export const POST = memberRoute<{ id: string }>("bookings:write", async ({ actor, params, json }) => {
  const bookingId = pathId(params.id, "Booking");
  const body = await json(CancelBody);
  return ok(bookingJson(await cancelBookingAtDesk(actor, { bookingId, reason: body.reason })));
});
