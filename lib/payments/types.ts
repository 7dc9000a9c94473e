import type { tables } from "@/lib/db";

export type PaymentRecord = typeof tables.payments.$inferSelect;
export type NewPayment = typeof tables.payments.$inferInsert;
