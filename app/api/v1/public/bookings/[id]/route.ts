import { json } from "@/lib/http";
import { bearerToken, getManagedBooking, parseBookingId } from "@/lib/public-booking";
import { publicRoute } from "../../_lib/http";

/** GET /api/v1/public/bookings/{id} with `Authorization: Bearer <manage_token>`. */
export const GET = publicRoute<{ id: string }>({ policy: "read" }, async ({ params, request }) => {
  const booking = await getManagedBooking(parseBookingId(params.id), bearerToken(request.headers));
  return json(booking, { headers: { "Cache-Control": "no-store" } });
});
