/** Client-safe schemas for recording payments and refunds by hand (the booking dialog, the API). */
import { z } from "zod";

export const MANUAL_METHODS = ["cash", "terminal", "bank_transfer", "other"] as const;
export type ManualMethod = (typeof MANUAL_METHODS)[number];
export const METHOD_LABELS: Record<ManualMethod | "card", string> = {
  card: "Card (online)",
  cash: "Cash",
  terminal: "Card terminal",
  bank_transfer: "Bank transfer",
  other: "Other",
};

const amount = z.int("Enter an amount.").min(1, "Enter an amount above zero.").max(100_000_000);
const note = z.string().trim().max(500, "Keep the note under 500 characters.").default("");

export const ManualPaymentFields = z.object({
  bookingId: z.uuid("Choose a booking."),
  amountCents: amount,
  method: z.enum(MANUAL_METHODS, "Choose how the customer paid."),
  note,
});
export type ManualPaymentFields = z.infer<typeof ManualPaymentFields>;

export const RefundFields = z.object({
  paymentId: z.uuid("Choose a payment."),
  amountCents: amount,
  note,
});
export type RefundFields = z.infer<typeof RefundFields>;

/** What a customer is asked to pay online when booking a service (a deposit is fixed or a share). */
export const PaymentRuleFields = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("none") }),
  z.object({ rule: z.literal("prepayment") }),
  z.object({ rule: z.literal("card_on_file") }),
  z.object({
    rule: z.literal("deposit"),
    deposit: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("fixed"), amount_cents: amount }),
      z.object({
        kind: z.literal("percent"),
        bps: z.int().min(1, "Enter a share above 0 %.").max(10_000, "A deposit is at most 100 %."),
      }),
    ]),
  }),
]);
export type PaymentRuleFields = z.infer<typeof PaymentRuleFields>;

/** A booking's money as the booking dialog shows it (provider references stay on the server). */
export type BookingMoneyView = {
  currency: string;
  price_cents: number;
  amount_due_cents: number;
  amount_paid_cents: number;
  amount_refunded_cents: number;
  fees_cents: number;
  balance_cents: number;
  status: string;
  payments: {
    id: string;
    kind: "charge" | "refund" | "fee";
    method: string;
    status: string;
    amountCents: number;
    receiptNumber: number | null;
    note: string;
    at: string;
  }[];
};
