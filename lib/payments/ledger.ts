/** Reading and writing the payments ledger inside the caller's transaction (RLS decides what it sees). */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { type Movement, moneyMoved } from "./movements";
import { type BookingMoney, summarize } from "./summary";
import type { NewPayment, PaymentRecord } from "./types";

const { bookings, payments } = tables;

export async function bookingLedger(tx: Tx, tenantId: string, bookingId: string): Promise<PaymentRecord[]> {
  return tx
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.bookingId, bookingId)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

export async function bookingMoney(tx: Tx, tenantId: string, bookingId: string): Promise<BookingMoney> {
  const [booking] = await tx
    .select({
      status: bookings.status,
      priceCents: bookings.priceCents,
      amountDueCents: bookings.amountDueCents,
      currency: bookings.currency,
    })
    .from(bookings)
    .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)));
  if (!booking) throw new NotFound("Booking not found");
  return summarize(booking, await bookingLedger(tx, tenantId, bookingId));
}

/** Inserts a ledger row and records the movement (audit, outbox) in the same transaction. */
export async function insertPayment(
  tx: Tx,
  values: NewPayment,
  movement: Movement,
  actorUserId: string | null,
): Promise<PaymentRecord> {
  const [row] = await tx.insert(payments).values(values).returning();
  if (!row) throw new Error("payment insert returned no row");
  await moneyMoved(tx, row, movement, actorUserId);
  return row;
}

/**
 * Serialises refunds of one payment for the rest of the transaction (the API roles may not lock ledger
 * rows with FOR UPDATE, which needs the UPDATE privilege they deliberately lack).
 */
export async function lockPayment(tx: Tx, paymentId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`payment:${paymentId}`}, 0))`);
}

/** What can still be given back of a payment: its amount less refunds that succeeded or are under way. */
export async function refundableCents(tx: Tx, payment: PaymentRecord): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int` })
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, payment.tenantId),
        eq(payments.refundOf, payment.id),
        inArray(payments.status, ["pending", "succeeded"]),
      ),
    );
  return payment.amountCents - (row?.total ?? 0);
}
