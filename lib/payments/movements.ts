/**
 * Every money movement goes through here, inside the transaction that records it: an audit entry now,
 * and the `payment.*` outbox event once lib/events exists. One seam, so no movement can skip either.
 */
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { PaymentRecord } from "./types";

export type Movement = "recorded" | "succeeded" | "failed" | "refunded";

export async function moneyMoved(
  tx: Tx,
  payment: PaymentRecord,
  movement: Movement,
  actorUserId: string | null,
): Promise<void> {
  await recordAudit(tx, {
    tenantId: payment.tenantId,
    actorUserId,
    action: `payment.${movement}`,
    targetType: "payment",
    targetId: payment.id,
    details: {
      booking_id: payment.bookingId,
      kind: payment.kind,
      purpose: payment.purpose,
      method: payment.method,
      provider: payment.provider,
      status: payment.status,
      amount_cents: payment.amountCents,
      currency: payment.currency,
      refund_of: payment.refundOf,
    },
  });
}
