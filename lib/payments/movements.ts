/**
 * Every money movement goes through here, inside the transaction that records it: an audit entry and a
 * `payment.*` outbox event (receipts, webhooks and reports hang off it). One seam, so no movement skips either.
 */

import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { enqueue } from "@/lib/events";
import type { PaymentRecord } from "./types";

export type Movement = "recorded" | "succeeded" | "failed" | "refunded";

export async function moneyMoved(
  tx: Tx,
  payment: PaymentRecord,
  movement: Movement,
  actorUserId: string | null,
): Promise<void> {
  const details = {
    payment_id: payment.id,
    booking_id: payment.bookingId,
    kind: payment.kind,
    purpose: payment.purpose,
    method: payment.method,
    provider: payment.provider,
    status: payment.status,
    amount_cents: payment.amountCents,
    currency: payment.currency,
    refund_of: payment.refundOf,
    receipt_number: payment.receiptNumber,
  };
  await recordAudit(tx, {
    tenantId: payment.tenantId,
    actorUserId,
    action: `payment.${movement}`,
    targetType: "payment",
    targetId: payment.id,
    details,
  });
  await enqueue(tx, {
    tenantId: payment.tenantId,
    type: `payment.${movement}`,
    payload: details,
    // One event per movement of a payment: a replayed webhook or retried request adds nothing.
    dedupeKey: `payment.${movement}:${payment.id}`,
    ...(payment.bookingId ? { subjectId: payment.bookingId } : {}),
  });
}
