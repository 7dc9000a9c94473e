import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/v1/public/bookings/[id]/cancel/route";
import { POST as rescheduleRoute } from "@/app/api/v1/public/bookings/[id]/reschedule/route";
import { GET as getRoute } from "@/app/api/v1/public/bookings/[id]/route";
import { cancelBookingAtDesk, rescheduleAtDesk } from "@/lib/bookings";
import { cancelOwnBooking, findPortalPractice, rescheduleOwnBooking } from "@/lib/customers";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { recordManualPayment } from "@/lib/payments";
import { CancellationPolicy, DEFAULT_POLICY } from "@/lib/policies";
import { cancelManagedBooking, createPublicBooking, rescheduleManagedBooking } from "@/lib/public-booking";
import { insertBooking } from "../support/bookings";
import { createPractice, type TestPractice, unique } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

const HOUR = 3_600_000;
/** Refund tiers 48 h / 24 h / later with a late fee; online cancellation until 36 h; no online moves. */
const strict = CancellationPolicy.parse({
  tiers: [
    { min_notice_minutes: 2880, refund_bps: 10_000, fee: null },
    { min_notice_minutes: 1440, refund_bps: 5000, fee: null },
    { min_notice_minutes: 0, refund_bps: 0, fee: { kind: "fixed", amount_cents: 1500 } },
  ],
  no_show_fee: null,
  customer_cancel: { allowed: true, until_minutes_before: 2160 },
  customer_reschedule: { allowed: false, until_minutes_before: 0 },
});

let practice: TestPractice;
let schedule: TestSchedule;

/** A whole hour `hours` from now: on the 24/7 test staff's slot grid. */
function hoursAhead(hours: number): Date {
  return new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR);
}

async function setPolicy(target: "tenant" | "service", policy: CancellationPolicy | null) {
  await withSystem("test sets a cancellation policy", (tx) =>
    target === "tenant"
      ? tx
          .update(tables.tenants)
          .set({ cancellationPolicy: policy })
          .where(eq(tables.tenants.id, practice.tenantId))
      : tx
          .update(tables.services)
          .set({ cancellationPolicy: policy })
          .where(eq(tables.services.id, schedule.serviceId)),
  );
}

async function bookOnline(start: Date, staffIndex = 0) {
  const created = await createPublicBooking(
    practice.slug,
    {
      service_id: schedule.serviceId,
      start,
      staff_id: schedule.staffIds[staffIndex] ?? null,
      customer: { name: "Gail Guest", email: `${unique("g")}@example.test`, phone: null },
    },
    null,
  );
  const body = created.body as { id: string; manage_token: string };
  const [row] = await withSystem("test reads the booking", (tx) =>
    tx.select().from(tables.bookings).where(eq(tables.bookings.id, body.id)),
  );
  if (!row) throw new Error("booking not stored");
  return { id: body.id, token: body.manage_token, row };
}

async function statusOf(id: string) {
  const [row] = await withSystem("test reads the booking", (tx) =>
    tx.select({ status: tables.bookings.status }).from(tables.bookings).where(eq(tables.bookings.id, id)),
  );
  return row?.status;
}

async function cancelledOutcome(id: string) {
  const [event] = await withSystem("test reads the booking's history", (tx) =>
    tx
      .select({ after: tables.bookingEvents.after })
      .from(tables.bookingEvents)
      .where(and(eq(tables.bookingEvents.bookingId, id), eq(tables.bookingEvents.action, "cancelled"))),
  );
  return (event?.after as { policy_outcome?: unknown } | undefined)?.policy_outcome;
}

function routeCall(handler: typeof cancelRoute, id: string, token: string, body: unknown) {
  return handler(
    new Request(`http://localhost:3000/api/v1/public/bookings/${id}/x`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-forwarded-for": `10.9.${id.charCodeAt(0)}.1` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
}

beforeAll(async () => {
  practice = await createPractice({ published: true });
  schedule = await createSchedule(practice.tenantId, { minNoticeMinutes: 60 });
});
afterAll(closeDatabase);

describe("the policy stored on a booking", () => {
  it("is the default for a new practice, floored by the service's minimum notice", async () => {
    const { row } = await bookOnline(hoursAhead(80));
    expect(row.cancellationPolicy).toEqual({
      ...DEFAULT_POLICY,
      customer_cancel: { allowed: true, until_minutes_before: 60 },
      customer_reschedule: { allowed: true, until_minutes_before: 60 },
    });
    const direct = await insertBooking(schedule);
    const [stored] = await withSystem("test reads the booking", (tx) =>
      tx.select().from(tables.bookings).where(eq(tables.bookings.id, direct.id)),
    );
    expect(stored?.cancellationPolicy).toEqual(DEFAULT_POLICY);
  });

  it("is the service's own policy over the practice's, and later edits do not touch it", async () => {
    await setPolicy("tenant", strict);
    const practiceRule = await bookOnline(hoursAhead(82));
    const stored = { ...strict, customer_reschedule: { allowed: false, until_minutes_before: 60 } };
    expect(practiceRule.row.cancellationPolicy).toEqual(stored);
    const lenient = CancellationPolicy.parse({
      ...DEFAULT_POLICY,
      no_show_fee: { kind: "percent", bps: 2000 },
    });
    await setPolicy("service", lenient);
    const serviceRule = await bookOnline(hoursAhead(84));
    expect(serviceRule.row.cancellationPolicy).toMatchObject({ no_show_fee: { kind: "percent", bps: 2000 } });
    await setPolicy("service", null);
    await setPolicy("tenant", null);
    expect(serviceRule.row).toMatchObject({ paymentRule: "none", amountDueCents: 0 });
    const [after] = await withSystem("test reads the booking", (tx) =>
      tx.select().from(tables.bookings).where(eq(tables.bookings.id, practiceRule.id)),
    );
    expect(after?.cancellationPolicy).toEqual(stored);
  });
});

describe("the payment rule stored on a booking", () => {
  it("keeps the service's rule and the deposit it asked for", async () => {
    await withSystem("test gives the service a 20 % deposit", (tx) =>
      tx
        .update(tables.services)
        .set({ paymentRule: "deposit", depositBps: 2000 })
        .where(eq(tables.services.id, schedule.serviceId)),
    );
    const { row } = await bookOnline(hoursAhead(86));
    await withSystem("test takes the deposit off again", (tx) =>
      tx
        .update(tables.services)
        .set({ paymentRule: "none", depositBps: null })
        .where(eq(tables.services.id, schedule.serviceId)),
    );
    expect(row).toMatchObject({ paymentRule: "deposit", amountDueCents: 1200 });
  });
});

describe("every customer path refuses what the policy forbids", () => {
  beforeAll(() => setPolicy("tenant", strict));
  afterAll(() => setPolicy("tenant", null));

  it("the manage link (lib and public API) refuses a cancellation after the online cut-off", async () => {
    const late = await bookOnline(hoursAhead(30));
    await expect(cancelManagedBooking(late.id, late.token, undefined)).rejects.toThrow(/36 hours notice/);
    const res = await routeCall(cancelRoute, late.id, late.token, {});
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ type: expect.stringContaining("conflict") });
    expect(await statusOf(late.id)).toBe("confirmed");
  });

  it("the manage link and public API refuse any online reschedule the policy does not allow", async () => {
    const early = await bookOnline(hoursAhead(100));
    await expect(
      rescheduleManagedBooking(early.id, early.token, { start: hoursAhead(101) }),
    ).rejects.toBeInstanceOf(Conflict);
    const res = await routeCall(rescheduleRoute, early.id, early.token, {
      start: hoursAhead(102).toISOString(),
    });
    expect(res.status).toBe(409);
  });

  it("the customer portal refuses the same cancellation and reschedule", async () => {
    const late = await bookOnline(hoursAhead(33));
    const tenant = await findPortalPractice(practice.slug);
    if (!tenant) throw new Error("practice not published");
    const actor = { kind: "customer" as const, tenantId: practice.tenantId, customerId: late.row.customerId };
    await expect(cancelOwnBooking(tenant, actor, { bookingId: late.id, reason: "" })).rejects.toThrow(
      /36 hours notice/,
    );
    await expect(
      rescheduleOwnBooking(tenant, actor, { bookingId: late.id, start: hoursAhead(90).toISOString() }),
    ).rejects.toThrow(/does not let bookings be moved online/);
    expect(await statusOf(late.id)).toBe("confirmed");
  });

  it("GET /public/bookings/{id} shows what was paid and the policy that applies", async () => {
    const booking = await bookOnline(hoursAhead(60));
    await recordManualPayment(practice.owner.actor, {
      bookingId: booking.id,
      amountCents: 1000,
      method: "cash",
    });
    const res = await getRoute(
      new Request(`http://localhost:3000/api/v1/public/bookings/${booking.id}`, {
        headers: { authorization: `Bearer ${booking.token}`, "x-forwarded-for": "10.8.0.1" },
      }),
      { params: Promise.resolve({ id: booking.id }) },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.payment).toEqual({
      status: "paid",
      amount_due_cents: 0,
      amount_paid_cents: 1000,
      amount_refunded_cents: 0,
      currency: "GBP",
    });
    expect(body.policy.rules.customer_cancel).toEqual({ allowed: true, until_minutes_before: 2160 });
    expect(body.policy.summary).toContain("Between 24 hours and 2 days before: 50 % refund.");
    expect(body.policy.cancel_online_until).toBe(
      new Date(booking.row.startAt.getTime() - 36 * HOUR).toISOString().replace(".000Z", "Z"),
    );
  });

  it("a customer cancelling in time gets the tier's share of what was paid, kept in the history", async () => {
    const inTime = await bookOnline(hoursAhead(40));
    await recordManualPayment(practice.owner.actor, {
      bookingId: inTime.id,
      amountCents: 3000,
      method: "cash",
    });
    await cancelManagedBooking(inTime.id, inTime.token, "can't make it");
    expect(await statusOf(inTime.id)).toBe("cancelled");
    expect(await cancelledOutcome(inTime.id)).toEqual({
      refund_cents: 1500,
      fee_cents: 0,
      tier_min_notice_minutes: 1440,
      overridden: false,
    });
  });
});

describe("the practice may change any booking; overriding the policy needs a reason and is audited", () => {
  beforeAll(() => setPolicy("tenant", strict));
  afterAll(() => setPolicy("tenant", null));

  it("a desk cancellation inside the cut-off applies the policy's late fee", async () => {
    const late = await bookOnline(hoursAhead(5));
    await cancelBookingAtDesk(practice.owner.actor, { bookingId: late.id, reason: "Phoned in" });
    expect(await cancelledOutcome(late.id)).toEqual({
      refund_cents: 0,
      fee_cents: 1500,
      tier_min_notice_minutes: 0,
      overridden: false,
    });
  });

  it("an override gives everything back, waives the fee and is in the audit log with its reason", async () => {
    const late = await bookOnline(hoursAhead(6));
    await recordManualPayment(practice.owner.actor, {
      bookingId: late.id,
      amountCents: 2000,
      method: "terminal",
    });
    await cancelBookingAtDesk(practice.owner.actor, {
      bookingId: late.id,
      reason: "Therapist ill",
      overrideReason: "Our cancellation, not the customer's",
    });
    expect(await cancelledOutcome(late.id)).toMatchObject({
      refund_cents: 2000,
      fee_cents: 0,
      overridden: true,
    });
    const audit = await withSystem("test reads the audit log", (tx) =>
      tx
        .select()
        .from(tables.auditLog)
        .where(
          and(eq(tables.auditLog.targetId, late.id), eq(tables.auditLog.action, "booking.policy_override")),
        ),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: practice.owner.userId,
      details: {
        reason: "Our cancellation, not the customer's",
        by_policy: { refund_cents: 0, fee_cents: 1500 },
        applied: { refund_cents: 2000, fee_cents: 0 },
      },
    });
  });

  it("the desk moves a booking the customer may not move online", async () => {
    const late = await bookOnline(hoursAhead(7));
    const later = hoursAhead(9);
    const moved = await rescheduleAtDesk(practice.owner.actor, {
      bookingId: late.id,
      date: later.toISOString().slice(0, 10),
      time: later.toLocaleTimeString("en-GB", {
        timeZone: "Europe/London",
        hour: "2-digit",
        minute: "2-digit",
      }),
      staffId: late.row.staffId,
    });
    expect(moved.startAt.getTime()).toBe(later.getTime());
  });
});
