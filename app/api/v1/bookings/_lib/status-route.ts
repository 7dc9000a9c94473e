import { changeBookingStatus } from "@/lib/bookings";
import type { StatusFields } from "@/lib/bookings/fields";
import { memberRoute, ok, pathId } from "../../_lib/member-route";
import { bookingJson } from "./booking-json";

/**
 * POST /api/v1/bookings/{id}/confirm|decline|complete|no-show (no body). A transition the booking's
 * status does not allow is a 409.
 */
export function statusRoute(action: StatusFields["action"]) {
  return memberRoute<{ id: string }>("bookings:write", async ({ actor, params }) => {
    const bookingId = pathId(params.id, "Booking");
    return ok(bookingJson(await changeBookingStatus(actor, { bookingId, action })));
  });
}
