import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as bookingPayments, POST as recordPayment } from "@/app/api/v1/bookings/[id]/payments/route";
import { POST as refund } from "@/app/api/v1/payments/[id]/refund/route";
import { PUT as servicePolicy } from "@/app/api/v1/services/[id]/cancellation-policy/route";
import { PUT as paymentRule } from "@/app/api/v1/services/[id]/payment-rule/route";
import { GET as getPolicy, PUT as putPolicy } from "@/app/api/v1/settings/cancellation-policy/route";
import { closeDatabase } from "@/lib/db";
import { DEFAULT_POLICY } from "@/lib/policies";
import { insertBooking } from "../support/bookings";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

type Browser = Awaited<ReturnType<typeof signedInAs>>;
let home: TestPractice;
let homeSchedule: TestSchedule;
let owner: Browser;
let manager: Browser;
let stranger: Browser;
let otherSchedule: TestSchedule;

beforeAll(async () => {
  home = await createPractice();
  homeSchedule = await createSchedule(home.tenantId);
  owner = await signedInAs(home.owner.userId, home.tenantId);
  const m = await addMember(home.tenantId, "manager");
  manager = await signedInAs(m.userId, home.tenantId);
  const other = await createPractice();
  otherSchedule = await createSchedule(other.tenantId);
  stranger = await signedInAs(other.owner.userId, other.tenantId);
});
afterAll(closeDatabase);

const post = (b: Browser, handler: typeof recordPayment, path: string, id: string, body: unknown) =>
  b.call(handler, path, { method: "POST", body, params: { id } });

describe("desk payments over the team API", () => {
  it("records a cash payment, shows the balance, refunds part of it", async () => {
    const booking = await insertBooking(homeSchedule, { priceCents: 6000 });
    const path = `/api/v1/bookings/${booking.id}/payments`;
    const made = await post(owner, recordPayment, path, booking.id, { amount_cents: 2500, method: "cash" });
    expect(made.status).toBe(201);
    const payment = await made.json();
    expect(payment).toMatchObject({ kind: "charge", method: "cash", amount_cents: 2500, currency: "GBP" });
    expect(payment.receipt_number).toBeGreaterThan(0);

    const back = await post(manager, refund, `/api/v1/payments/${payment.id}/refund`, payment.id, {
      amount_cents: 500,
    });
    expect(back.status).toBe(201);
    const view = await (await owner.call(bookingPayments, path, { params: { id: booking.id } })).json();
    expect(view).toMatchObject({
      amount_paid_cents: 2500,
      amount_refunded_cents: 500,
      balance_cents: 4000,
      status: "partially_refunded",
    });
    expect(view.payments).toHaveLength(2);
  });

  it("bad input is a 422 naming the field; too much is refused", async () => {
    const booking = await insertBooking(homeSchedule, { priceCents: 1000 });
    const path = `/api/v1/bookings/${booking.id}/payments`;
    const bad = await post(owner, recordPayment, path, booking.id, { amount_cents: "ten", method: "gold" });
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(["amount_cents", "method"]);
    expect(problem.request_id).toBeTruthy();
    const tooMuch = await post(owner, recordPayment, path, booking.id, {
      amount_cents: 1001,
      method: "cash",
    });
    expect(tooMuch.status).toBe(422);
  });

  it("another practice's booking and payment are 404s, and nothing changes", async () => {
    const theirs = await insertBooking(otherSchedule);
    const path = `/api/v1/bookings/${theirs.id}/payments`;
    expect((await owner.call(bookingPayments, path, { params: { id: theirs.id } })).status).toBe(404);
    expect(
      (await post(owner, recordPayment, path, theirs.id, { amount_cents: 100, method: "cash" })).status,
    ).toBe(404);
    const paid = await (
      await post(stranger, recordPayment, path, theirs.id, { amount_cents: 100, method: "cash" })
    ).json();
    const refused = await post(owner, refund, `/api/v1/payments/${paid.id}/refund`, paid.id, {
      amount_cents: 100,
    });
    expect(refused.status).toBe(404);
    const view = await (await stranger.call(bookingPayments, path, { params: { id: theirs.id } })).json();
    expect(view.amount_refunded_cents).toBe(0);
  });
});

describe("policy and payment-rule settings over the team API", () => {
  it("owners set the practice's policy and see the customer's words; managers may not", async () => {
    const current = await (await owner.call(getPolicy, "/api/v1/settings/cancellation-policy")).json();
    expect(current).toMatchObject({ policy: DEFAULT_POLICY, inherited: true });
    expect(current.preview[0]).toBe("At least 24 hours before: full refund.");
    const policy = { ...DEFAULT_POLICY, no_show_fee: { kind: "percent", bps: 5000 } };
    const refused = await manager.call(putPolicy, "/api/v1/settings/cancellation-policy", {
      method: "PUT",
      body: { policy },
    });
    expect(refused.status).toBe(403);
    const saved = await owner.call(putPolicy, "/api/v1/settings/cancellation-policy", {
      method: "PUT",
      body: { policy },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      inherited: false,
      preview: expect.arrayContaining(["Missed appointments are charged 50 % of the price (£30.00)."]),
    });
    const invalid = await owner.call(putPolicy, "/api/v1/settings/cancellation-policy", {
      method: "PUT",
      body: { policy: { ...policy, tiers: [] } },
    });
    expect(invalid.status).toBe(422);
  });

  it("managers give a service its own policy and a deposit rule; bad rules are 422", async () => {
    const id = homeSchedule.serviceId;
    const own = await manager.call(servicePolicy, `/api/v1/services/${id}/cancellation-policy`, {
      method: "PUT",
      body: { policy: DEFAULT_POLICY },
      params: { id },
    });
    expect(own.status).toBe(200);
    const rule = { rule: "deposit", deposit: { kind: "percent", bps: 2000 } };
    const saved = await manager.call(paymentRule, `/api/v1/services/${id}/payment-rule`, {
      method: "PUT",
      body: rule,
      params: { id },
    });
    expect(await saved.json()).toEqual(rule);
    const bad = await manager.call(paymentRule, `/api/v1/services/${id}/payment-rule`, {
      method: "PUT",
      body: { rule: "deposit", deposit: { kind: "percent", bps: 0 } },
      params: { id },
    });
    expect(bad.status).toBe(422);
    const foreign = otherSchedule.serviceId;
    const cross = await manager.call(paymentRule, `/api/v1/services/${foreign}/payment-rule`, {
      method: "PUT",
      body: { rule: "prepayment" },
      params: { id: foreign },
    });
    expect(cross.status).toBe(404);
  });
});
