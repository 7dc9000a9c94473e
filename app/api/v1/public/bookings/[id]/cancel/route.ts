import { json } from "@/lib/http";
import { bearerToken, CancelBody, cancelManagedBooking, parseBookingId } from "@/lib/public-booking";
import { optionalJson, publicRoute } from "../../../_lib/http";

/** POST /api/v1/public/bookings/{id}/cancel `{reason?}` (the body may be left out). */
export const POST = publicRoute<{ id: string }>({ policy: "write" }, async ({ params, request }) => {
  const id = parseBookingId(params.id);
  const token = bearerToken(request.headers);
  const body = await optionalJson(request, CancelBody);
  return json(await cancelManagedBooking(id, token, body.reason), {
    headers: { "Cache-Control": "no-store" },
  });
});
