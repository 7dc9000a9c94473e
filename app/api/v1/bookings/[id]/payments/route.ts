import { z } from "zod";
import { bookingPayments, recordManualPayment } from "@/lib/payments";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";
import { paymentJson } from "../../../payments/_lib/payment-json";

/** GET /api/v1/bookings/{id}/payments: due, paid, refunded, balance and the ledger rows. */
export const GET = memberRoute<{ id: string }>("bookings:read", async ({ actor, params }) => {
  const { money, payments } = await bookingPayments(actor, pathId(params.id, "Booking"));
  return ok({ ...money, payments: payments.map(paymentJson) });
});

// Shape only; lib validates the values (field errors come back under these names).
const Body = z.object({ amount_cents: z.unknown(), method: z.unknown(), note: z.string().optional() });

/** POST /api/v1/bookings/{id}/payments `{amount_cents, method, note?}`: money taken at the desk → 201. */
export const POST = memberRoute<{ id: string }>("bookings:write", async ({ actor, params, json }) => {
  const bookingId = pathId(params.id, "Booking");
  const body = await json(Body);
  const payment = await recordManualPayment(actor, {
    bookingId,
    amountCents: body.amount_cents,
    method: body.method,
    note: body.note,
  });
  return ok(paymentJson(payment), 201);
});
