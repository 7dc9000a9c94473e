/** Payments: the ledger, what a booking owes and has paid, and the offline (pay at the practice) provider. */
export * from "./fields";
export { bookingLedger, bookingMoney, insertPayment } from "./ledger";
export { type BookingPayments, bookingPayments, recordManualPayment, refundManualPayment } from "./manual";
export { type Movement, moneyMoved } from "./movements";
export { type BookingMoney, type LedgerRow, type PaymentState, summarize } from "./summary";
export type { NewPayment, PaymentRecord } from "./types";
