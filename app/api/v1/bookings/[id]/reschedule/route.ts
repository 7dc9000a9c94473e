import { rescheduleAtDesk } from "@/lib/bookings";
import { RescheduleBody } from "../../../_lib/bodies";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";
import { bookingJson } from "../../_lib/booking-json";

/** POST /api/v1/bookings/{id}/reschedule `{date, time, staff_id}`; a conflict is a 409 and changes nothing. */
export const POST = memberRoute<{ id: string }>("bookings:write", async ({ actor, params, json }) => {
  const bookingId = pathId(params.id, "Booking");
  const body = await json(RescheduleBody);
  const moved = await rescheduleAtDesk(actor, {
    bookingId,
    date: body.date,
    time: body.time,
    staffId: body.staff_id,
  });
  return ok(bookingJson(moved));
});
