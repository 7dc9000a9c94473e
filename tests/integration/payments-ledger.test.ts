import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { bookingPayments, recordManualPayment, refundManualPayment } from "@/lib/payments";
import { insertBooking } from "../support/bookings";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

let home: TestPractice;
let homeSchedule: TestSchedule;
let other: TestPractice;
let otherSchedule: TestSchedule;

beforeAll(async () => {
  home = await createPractice();
  homeSchedule = await createSchedule(home.tenantId);
  other = await createPractice();
  otherSchedule = await createSchedule(other.tenantId);
});
afterAll(closeDatabase);

async function auditActions(tenantId: string, paymentId: string) {
  const rows = await withSystem("test reads the audit log", (tx) =>
    tx
      .select({ action: tables.auditLog.action, details: tables.auditLog.details })
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.tenantId, tenantId), eq(tables.auditLog.targetId, paymentId))),
  );
  return rows;
}

describe("the offline provider: payments taken and refunded at the desk", () => {
  it("a booking shows due, paid, refunded and balance as cash comes in and goes back", async () => {
    const booking = await insertBooking(homeSchedule, { priceCents: 6000 });
    const actor = home.owner.actor;
    expect((await bookingPayments(actor, booking.id)).money).toEqual({
      currency: "GBP",
      price_cents: 6000,
      amount_due_cents: 0,
      amount_paid_cents: 0,
      amount_refunded_cents: 0,
      fees_cents: 0,
      balance_cents: 6000,
      status: "not_required",
    });

    const cash = await recordManualPayment(actor, {
      bookingId: booking.id,
      amountCents: 2000,
      method: "cash",
    });
    expect(cash).toMatchObject({ kind: "charge", status: "succeeded", provider: "offline", method: "cash" });
    await expect(
      recordManualPayment(actor, { bookingId: booking.id, amountCents: 4001, method: "terminal" }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const card = await recordManualPayment(actor, {
      bookingId: booking.id,
      amountCents: 4000,
      method: "terminal",
    });
    expect(card.receiptNumber).toBe((cash.receiptNumber ?? 0) + 1);

    const refund = await refundManualPayment(actor, {
      paymentId: cash.id,
      amountCents: 500,
      note: "goodwill",
    });
    expect(refund).toMatchObject({ kind: "refund", refundOf: cash.id, method: "cash", amountCents: 500 });
    expect(refund.receiptNumber).toBe((card.receiptNumber ?? 0) + 1);
    await expect(
      refundManualPayment(actor, { paymentId: cash.id, amountCents: 1501 }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(refundManualPayment(actor, { paymentId: refund.id, amountCents: 1 })).rejects.toBeInstanceOf(
      Conflict,
    );

    const { money, payments } = await bookingPayments(actor, booking.id);
    expect(money).toMatchObject({
      amount_paid_cents: 6000,
      amount_refunded_cents: 500,
      balance_cents: 500,
      status: "partially_refunded",
    });
    expect(payments.map((p) => p.id)).toEqual([cash.id, card.id, refund.id]);
  });

  it("audits every movement and puts a payment event in the outbox", async () => {
    const booking = await insertBooking(homeSchedule);
    const paid = await recordManualPayment(home.owner.actor, {
      bookingId: booking.id,
      amountCents: 1000,
      method: "bank_transfer",
    });
    const back = await refundManualPayment(home.owner.actor, { paymentId: paid.id, amountCents: 1000 });
    expect(await auditActions(home.tenantId, paid.id)).toEqual([
      {
        action: "payment.recorded",
        details: expect.objectContaining({ amount_cents: 1000, method: "bank_transfer" }),
      },
    ]);
    const events = await withSystem("test reads the outbox", (tx) =>
      tx
        .select({ type: tables.outbox.type, payload: tables.outbox.payload })
        .from(tables.outbox)
        .where(and(eq(tables.outbox.tenantId, home.tenantId), eq(tables.outbox.subjectId, booking.id)))
        .orderBy(tables.outbox.type),
    );
    expect(events).toEqual([
      {
        type: "payment.recorded",
        payload: expect.objectContaining({ payment_id: paid.id, amount_cents: 1000 }),
      },
      {
        type: "payment.refunded",
        payload: expect.objectContaining({ payment_id: back.id, refund_of: paid.id }),
      },
    ]);
    expect(await auditActions(home.tenantId, back.id)).toEqual([
      {
        action: "payment.refunded",
        details: expect.objectContaining({ amount_cents: 1000, refund_of: paid.id }),
      },
    ]);
  });

  it("staff record payments on their own diary only and may not refund", async () => {
    const staff = await addMember(home.tenantId, "staff");
    await withSystem("test links the staff member to a diary", (tx) =>
      tx
        .update(tables.staffMembers)
        .set({ userId: staff.userId })
        .where(eq(tables.staffMembers.id, homeSchedule.staffIds[1] ?? "")),
    );
    const own = await insertBooking(homeSchedule, { staffIndex: 1 });
    const someoneElses = await insertBooking(homeSchedule, { staffIndex: 0 });
    const paid = await recordManualPayment(staff.actor, {
      bookingId: own.id,
      amountCents: 100,
      method: "cash",
    });
    await expect(
      recordManualPayment(staff.actor, { bookingId: someoneElses.id, amountCents: 100, method: "cash" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      refundManualPayment(staff.actor, { paymentId: paid.id, amountCents: 100 }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it("a cancelled booking takes no payment; bad input is a field error", async () => {
    const booking = await insertBooking(homeSchedule, { status: "cancelled" });
    await expect(
      recordManualPayment(home.owner.actor, { bookingId: booking.id, amountCents: 100, method: "cash" }),
    ).rejects.toBeInstanceOf(Conflict);
    await expect(
      recordManualPayment(home.owner.actor, { bookingId: booking.id, amountCents: 0, method: "coins" }),
    ).rejects.toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: "amountCents" })]),
    });
  });
});

describe("a practice never sees or refunds another's payments", () => {
  it("through lib: another practice's booking and payment are not found", async () => {
    const booking = await insertBooking(otherSchedule);
    const paid = await recordManualPayment(other.owner.actor, {
      bookingId: booking.id,
      amountCents: 900,
      method: "cash",
    });
    await expect(bookingPayments(home.owner.actor, booking.id)).rejects.toBeInstanceOf(NotFound);
    await expect(
      refundManualPayment(home.owner.actor, { paymentId: paid.id, amountCents: 100 }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      recordManualPayment(home.owner.actor, { bookingId: booking.id, amountCents: 100, method: "cash" }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("in SQL: RLS hides the rows and refuses a refund row pointing at them; nobody updates the ledger", async () => {
    const booking = await insertBooking(otherSchedule);
    const paid = await recordManualPayment(other.owner.actor, {
      bookingId: booking.id,
      amountCents: 900,
      method: "cash",
    });
    const seen = await withTenant(home.owner.actor, (tx) =>
      tx.select().from(tables.payments).where(eq(tables.payments.id, paid.id)),
    );
    expect(seen).toEqual([]);
    await expect(
      withTenant(home.owner.actor, (tx) =>
        tx.insert(tables.payments).values({
          tenantId: other.tenantId,
          bookingId: booking.id,
          kind: "refund",
          purpose: "refund",
          method: "cash",
          status: "succeeded",
          amountCents: 900,
          currency: "GBP",
          refundOf: paid.id,
        }),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(other.owner.actor, (tx) =>
        tx.execute(sql`update public.payments set amount_cents = 1 where id = ${paid.id}`),
      ),
    ).rejects.toThrow();
  });
});
