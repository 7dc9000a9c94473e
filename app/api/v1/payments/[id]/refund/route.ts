import { z } from "zod";
import { refundManualPayment } from "@/lib/payments";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";
import { paymentJson } from "../../_lib/payment-json";

/** POST /api/v1/payments/{id}/refund `{amount_cents, note?}`: owners and managers, up to what is left → 201. */
export const POST = memberRoute<{ id: string }>("bookings:write", async ({ actor, params, json }) => {
  const paymentId = pathId(params.id, "Payment");
  const body = await json(z.object({ amount_cents: z.unknown(), note: z.string().optional() }));
  const refund = await refundManualPayment(actor, {
    paymentId,
    amountCents: body.amount_cents,
    note: body.note,
  });
  return ok(paymentJson(refund), 201);
});
