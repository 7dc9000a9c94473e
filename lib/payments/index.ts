/**
 * Payments: the ledger, what a booking owes and has paid, per-service payment rules, the cancellation
 * policy settings, and the offline (pay at the practice) provider.
 */
export * from "./fields";
export { bookingLedger, bookingMoney, insertPayment } from "./ledger";
export { type BookingPayments, bookingPayments, recordManualPayment, refundManualPayment } from "./manual";
export { type Movement, moneyMoved } from "./movements";
export { type PolicyView, practicePolicy, setPracticePolicy, setServicePolicy } from "./policy-settings";
export { amountDueOnline, ruleFields, type ServicePaymentRule, setServicePaymentRule } from "./rules";
export { type BookingMoney, type LedgerRow, type PaymentState, summarize } from "./summary";
export type { NewPayment, PaymentRecord } from "./types";
