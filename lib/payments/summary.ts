/**
 * What a booking's money looks like: the price, what was asked online, what was paid and refunded, fees,
 * and the balance still owed at the practice. Pure: it reads a booking and its ledger rows.
 */
import type { BookingStatus, PaymentStatus } from "@/lib/db";

export type LedgerRow = { kind: "charge" | "refund" | "fee"; status: PaymentStatus; amountCents: number };
export type BookingForMoney = {
  status: BookingStatus;
  priceCents: number;
  amountDueCents: number;
  currency: string;
};

export type PaymentState = "not_required" | "unpaid" | "pending" | "paid" | "partially_refunded" | "refunded";

export type BookingMoney = {
  currency: string;
  price_cents: number;
  /** Asked online to secure the booking (deposit, prepayment); 0 for pay-at-the-practice. */
  amount_due_cents: number;
  amount_paid_cents: number;
  amount_refunded_cents: number;
  fees_cents: number;
  /** Still owed for the visit; 0 once the booking is cancelled or expired (what was kept stays kept). */
  balance_cents: number;
  status: PaymentState;
};

const sum = (rows: LedgerRow[], kinds: LedgerRow["kind"][]) =>
  rows
    .filter((r) => r.status === "succeeded" && kinds.includes(r.kind))
    .reduce((n, r) => n + r.amountCents, 0);

export function summarize(booking: BookingForMoney, rows: LedgerRow[]): BookingMoney {
  const charges = sum(rows, ["charge"]);
  const fees = sum(rows, ["fee"]);
  const refunded = sum(rows, ["refund"]);
  const paid = charges + fees;
  const ended = booking.status === "cancelled" || booking.status === "expired";
  const balance = ended ? 0 : Math.max(0, booking.priceCents - charges + refunded);
  const pending = rows.some(
    (r) => r.kind !== "refund" && (r.status === "pending" || r.status === "requires_action"),
  );
  let status: PaymentState;
  if (refunded > 0) status = refunded >= paid ? "refunded" : "partially_refunded";
  else if (paid > 0 && paid >= booking.amountDueCents) status = "paid";
  else if (pending) status = "pending";
  else status = booking.amountDueCents > 0 ? "unpaid" : "not_required";
  return {
    currency: booking.currency,
    price_cents: booking.priceCents,
    amount_due_cents: booking.amountDueCents,
    amount_paid_cents: paid,
    amount_refunded_cents: refunded,
    fees_cents: fees,
    balance_cents: balance,
    status,
  };
}
