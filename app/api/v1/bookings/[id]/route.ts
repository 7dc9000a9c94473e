import { bookingDetail } from "@/lib/bookings";
import { memberRoute, ok, pathId } from "../../_lib/member-route";
import { bookingDetailJson } from "../_lib/booking-json";

/** GET /api/v1/bookings/{id}: the booking, its customer and history; another diary's booking is a 404. */
export const GET = memberRoute<{ id: string }>("bookings:read", async ({ actor, params }) => {
  const detail = await bookingDetail(actor, pathId(params.id, "Booking"));
  return ok(bookingDetailJson(detail));
});
