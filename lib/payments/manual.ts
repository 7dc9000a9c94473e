/**
 * The offline provider: the practice takes cash or a card-terminal payment at the desk and records it,
 * and hands money back the same way. Staff record payments on their own diary's bookings; refunds are for
 * owners and managers. Everything runs as the member (RLS holds) and is audited through the ledger.
 */
import { and, eq } from "drizzle-orm";
import { assertOwnStaff, type MemberActor, parseFields, requireTeam, visibleStaffIds } from "@/lib/catalogue";
import { type Tx, tables, withTenant } from "@/lib/db";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { ManualPaymentFields, RefundFields } from "./fields";
import { bookingLedger, insertPayment, lockPayment, refundableCents } from "./ledger";
import { type BookingMoney, summarize } from "./summary";
import type { PaymentRecord } from "./types";

const { bookings, payments } = tables;

/** The booking as this member may see it, locked so two desks do not record against one balance. */
async function lockVisibleBooking(tx: Tx, actor: MemberActor, bookingId: string) {
  const [row] = await tx
    .select({
      id: bookings.id,
      staffId: bookings.staffId,
      customerId: bookings.customerId,
      status: bookings.status,
      priceCents: bookings.priceCents,
      amountDueCents: bookings.amountDueCents,
      currency: bookings.currency,
    })
    .from(bookings)
    .where(and(eq(bookings.tenantId, actor.tenantId), eq(bookings.id, bookingId)))
    .for("update");
  if (!row) throw new NotFound("Booking not found");
  assertOwnStaff(await visibleStaffIds(tx, actor), row.staffId);
  return row;
}

export type BookingPayments = { money: BookingMoney; payments: PaymentRecord[] };

export async function bookingPayments(actor: MemberActor, bookingId: string): Promise<BookingPayments> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const booking = await lockVisibleBooking(tx, actor, bookingId);
    const rows = await bookingLedger(tx, actor.tenantId, bookingId);
    return { money: summarize(booking, rows), payments: rows };
  });
}

/** Records money taken at the practice; never more than the booking still owes. */
export async function recordManualPayment(actor: MemberActor, raw: unknown): Promise<PaymentRecord> {
  requireTeam(actor);
  const input = parseFields(ManualPaymentFields, raw);
  return withTenant(actor, async (tx) => {
    const booking = await lockVisibleBooking(tx, actor, input.bookingId);
    if (booking.status === "cancelled" || booking.status === "expired") {
      throw new Conflict(`This booking is ${booking.status}, so there is nothing left to pay.`);
    }
    const money = summarize(booking, await bookingLedger(tx, actor.tenantId, booking.id));
    if (input.amountCents > money.balance_cents) {
      const owed = formatMoney(money.balance_cents, booking.currency);
      throw new ValidationFailed("Some fields need attention.", [
        { field: "amountCents", message: `That is more than the ${owed} still owed for this booking.` },
      ]);
    }
    return insertPayment(
      tx,
      {
        tenantId: actor.tenantId,
        bookingId: booking.id,
        customerId: booking.customerId,
        kind: "charge",
        purpose: "balance",
        method: input.method,
        provider: "offline",
        status: "succeeded",
        amountCents: input.amountCents,
        currency: booking.currency,
        note: input.note,
        recordedBy: actor.userId,
      },
      "recorded",
      actor.userId,
    );
  });
}

/** Gives back up to what is left of a payment taken at the desk, the way it was paid. */
export async function refundManualPayment(actor: MemberActor, raw: unknown): Promise<PaymentRecord> {
  requireTeam(actor);
  if (actor.role !== "owner" && actor.role !== "manager") {
    throw new Forbidden("Only owners and managers can give refunds.");
  }
  const input = parseFields(RefundFields, raw);
  return withTenant(actor, async (tx) => {
    await lockPayment(tx, input.paymentId);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.tenantId, actor.tenantId), eq(payments.id, input.paymentId)));
    if (!payment) throw new NotFound("Payment not found");
    if (payment.kind === "refund") throw new Conflict("A refund cannot itself be refunded.");
    if (payment.status !== "succeeded")
      throw new Conflict("Only a payment that went through can be refunded.");
    if (payment.provider !== "offline") {
      throw new Conflict("This payment was taken online; refund it through its payment provider.");
    }
    const left = await refundableCents(tx, payment);
    if (input.amountCents > left) {
      throw new ValidationFailed("Some fields need attention.", [
        {
          field: "amountCents",
          message: `At most ${formatMoney(left, payment.currency)} of this payment can still be refunded.`,
        },
      ]);
    }
    return insertPayment(
      tx,
      {
        tenantId: actor.tenantId,
        bookingId: payment.bookingId,
        customerId: payment.customerId,
        kind: "refund",
        purpose: "refund",
        method: payment.method,
        provider: "offline",
        status: "succeeded",
        amountCents: input.amountCents,
        currency: payment.currency,
        refundOf: payment.id,
        note: input.note,
        recordedBy: actor.userId,
      },
      "refunded",
      actor.userId,
    );
  });
}
