import { z } from "zod";
import { rescheduleAtDesk } from "@/lib/bookings";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";
import { bookingJson } from "../../_lib/booking-json";

/** POST /api/v1/bookings/{id}/reschedule `{date, time, staff_id}`; a conflict is a 409 and changes nothing. */
export const POST = memberRoute<{ id: string }>(async ({ actor, params, json }) => {
  const bookingId = pathId(params.id, "Booking");
  const body = await json(z.object({ date: z.string(), time: z.string(), staff_id: z.uuid() }));
  const moved = await rescheduleAtDesk(actor, {
    bookingId,
    date: body.date,
    time: body.time,
    staffId: body.staff_id,
  });
  return ok(bookingJson(moved));
});
