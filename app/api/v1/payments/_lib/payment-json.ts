import type { PaymentRecord } from "@/lib/payments";

/** A ledger row as the API shows it (provider ids stay server-side). */
export function paymentJson(p: PaymentRecord) {
  return {
    id: p.id,
    bookingId: p.bookingId,
    kind: p.kind,
    purpose: p.purpose,
    method: p.method,
    provider: p.provider,
    status: p.status,
    amountCents: p.amountCents,
    currency: p.currency,
    refundOf: p.refundOf,
    note: p.note,
    receiptNumber: p.receiptNumber,
    createdAt: p.createdAt,
  };
}
