import { bearerToken, getManagedBooking, parseBookingId } from "@/lib/booking/public";
import { json } from "@/lib/http/route";
import { publicRoute } from "../../_lib/http";

/** GET /api/v1/public/bookings/{id} with `Authorization: Bearer <manage_token>`. */
export const GET = publicRoute<{ id: string }>({ policy: "read" }, async ({ params, request }) => {
  const booking = await getManagedBooking(parseBookingId(params.id), bearerToken(request.headers));
  return json(booking, { headers: { "Cache-Control": "no-store" } });
});
