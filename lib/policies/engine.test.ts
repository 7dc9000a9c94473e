import { describe, expect, it } from "vitest";
import {
  CancellationPolicy,
  DEFAULT_POLICY,
  describePolicy,
  effectivePolicy,
  noShowFee,
  policyForService,
  policySnapshot,
  quoteCancellation,
  readSnapshot,
  rescheduleDecision,
} from "./index";

const HOUR = 3_600_000;
const start = new Date("2030-03-10T10:00:00Z");
const hoursBefore = (hours: number) => ({ startAt: start, now: new Date(start.getTime() - hours * HOUR) });

const tiered = CancellationPolicy.parse({
  tiers: [
    { min_notice_minutes: 1440, refund_bps: 5000, fee: null },
    { min_notice_minutes: 0, refund_bps: 0, fee: { kind: "fixed", amount_cents: 1500 } },
    { min_notice_minutes: 2880, refund_bps: 10_000, fee: null },
  ],
  no_show_fee: { kind: "percent", bps: 5000 },
  customer_cancel: { allowed: true, until_minutes_before: 120 },
  customer_reschedule: { allowed: false, until_minutes_before: 0 },
});
const gbp = { priceCents: 6000, paidCents: 3000, currency: "GBP" };

describe("notice tiers", () => {
  it("sorts tiers by notice and refuses two tiers at the same notice", () => {
    expect(tiered.tiers.map((t) => t.min_notice_minutes)).toEqual([2880, 1440, 0]);
    const twice = CancellationPolicy.safeParse({
      ...DEFAULT_POLICY,
      tiers: [DEFAULT_POLICY.tiers[0], DEFAULT_POLICY.tiers[0]],
    });
    expect(twice.success).toBe(false);
  });

  it("more than 48 h: full refund; 24–48 h: half; under 24 h: none and a late fee", () => {
    expect(quoteCancellation(tiered, hoursBefore(49), gbp)).toMatchObject({ refundCents: 3000, feeCents: 0 });
    expect(quoteCancellation(tiered, hoursBefore(48), gbp)).toMatchObject({ refundCents: 3000, feeCents: 0 });
    expect(quoteCancellation(tiered, hoursBefore(47.9), gbp)).toMatchObject({
      refundCents: 1500,
      feeCents: 0,
    });
    expect(quoteCancellation(tiered, hoursBefore(24), gbp)).toMatchObject({ refundCents: 1500, feeCents: 0 });
    expect(quoteCancellation(tiered, hoursBefore(23), gbp)).toMatchObject({ refundCents: 0, feeCents: 1500 });
  });

  it("rounds the refund in the currency's minor unit (JPY has none below the yen)", () => {
    const jpy = { priceCents: 4999, paidCents: 999, currency: "JPY" };
    expect(quoteCancellation(tiered, hoursBefore(30), jpy).refundCents).toBe(500); // ¥499.5 → ¥500
    const percentFee = CancellationPolicy.parse({
      ...tiered,
      tiers: [{ min_notice_minutes: 0, refund_bps: 3333, fee: { kind: "percent", bps: 2500 } }],
    });
    expect(quoteCancellation(percentFee, hoursBefore(1), jpy)).toMatchObject({
      refundCents: 333,
      feeCents: 1250,
    });
    expect(quoteCancellation(percentFee, hoursBefore(1), { ...jpy, currency: "KWD" }).feeCents).toBe(1250);
    expect(
      quoteCancellation(percentFee, hoursBefore(1), { ...jpy, priceCents: 4990, currency: "KWD" }).feeCents,
    ).toBe(1250); // 1.2475 KWD → 1.250
  });

  it("a policy without a 0-notice tier gives nothing back later than its last tier", () => {
    const p = CancellationPolicy.parse({
      ...DEFAULT_POLICY,
      tiers: [{ min_notice_minutes: 720, refund_bps: 10_000, fee: null }],
    });
    expect(quoteCancellation(p, hoursBefore(11), gbp)).toMatchObject({
      tier: null,
      refundCents: 0,
      feeCents: 0,
    });
  });
});

describe("online cancellation and rescheduling", () => {
  it("allows online cancellation until the policy's cut-off, and never once started", () => {
    expect(quoteCancellation(tiered, hoursBefore(2.5), gbp).online).toEqual({ allowed: true });
    const late = quoteCancellation(tiered, hoursBefore(2), gbp).online;
    expect(late).toMatchObject({ allowed: false, reason: expect.stringContaining("2 hours notice") });
    const started = quoteCancellation(tiered, hoursBefore(-0.1), gbp);
    expect(started.online).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("already started"),
    });
    expect(started.refundCents).toBe(0);
  });

  it("refuses rescheduling online when the practice does not allow it", () => {
    expect(rescheduleDecision(tiered, hoursBefore(100))).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("does not let bookings be moved online"),
    });
    expect(rescheduleDecision(DEFAULT_POLICY, hoursBefore(0.1))).toEqual({ allowed: true });
  });

  it("the snapshot never lets a customer change a booking inside the service's minimum notice", () => {
    const snap = policySnapshot(DEFAULT_POLICY, 60);
    expect(snap.customer_cancel.until_minutes_before).toBe(60);
    expect(quoteCancellation(snap, hoursBefore(0.5), gbp).online.allowed).toBe(false);
    expect(policySnapshot(tiered, 60).customer_cancel.until_minutes_before).toBe(120);
  });
});

describe("defaults, overrides and fees", () => {
  it("new practices: full refund until 24 h before, none after, no no-show fee", () => {
    const p = effectivePolicy(null, null);
    expect(p).toEqual(DEFAULT_POLICY);
    expect(quoteCancellation(p, hoursBefore(25), gbp).refundCents).toBe(3000);
    expect(quoteCancellation(p, hoursBefore(23), gbp).refundCents).toBe(0);
    expect(noShowFee(p, 6000, "GBP")).toBe(0);
  });

  it("a service's policy overrides the practice's", () => {
    expect(effectivePolicy(DEFAULT_POLICY, tiered)).toBe(tiered);
    expect(effectivePolicy(tiered, null)).toBe(tiered);
    const stored = JSON.parse(JSON.stringify(tiered));
    expect(policyForService(stored, { cancellationPolicy: null, minNoticeMinutes: 0 })).toEqual(tiered);
    expect(policyForService(null, { cancellationPolicy: null, minNoticeMinutes: 60 })).toEqual(
      policySnapshot(DEFAULT_POLICY, 60),
    );
    expect(policyForService(stored, { cancellationPolicy: DEFAULT_POLICY, minNoticeMinutes: 0 })).toEqual(
      DEFAULT_POLICY,
    );
  });

  it("charges a no-show fee fixed or as a share of the price", () => {
    expect(noShowFee(tiered, 6000, "GBP")).toBe(3000);
    expect(noShowFee(tiered, 4999, "JPY")).toBe(2500);
    const fixed = CancellationPolicy.parse({ ...tiered, no_show_fee: { kind: "fixed", amount_cents: 2000 } });
    expect(noShowFee(fixed, 6000, "GBP")).toBe(2000);
  });

  it("reads a stored snapshot back, and the default when it is unreadable", () => {
    expect(readSnapshot(JSON.parse(JSON.stringify(tiered)))).toEqual(tiered);
    expect(readSnapshot({ tiers: "nonsense" })).toEqual(DEFAULT_POLICY);
  });
});

describe("what the customer reads", () => {
  it("words the default policy", () => {
    expect(describePolicy(DEFAULT_POLICY, 6000, "GBP")).toEqual([
      "At least 24 hours before: full refund.",
      "Less than 24 hours before: no refund.",
      "There is no charge for a missed appointment.",
      "You can cancel online until the start.",
      "You can reschedule online until the start.",
    ]);
  });

  it("words tiers, fees and online limits with amounts in the currency", () => {
    expect(describePolicy(tiered, 6000, "GBP")).toEqual([
      "At least 2 days before: full refund.",
      "Between 24 hours and 2 days before: 50 % refund.",
      "Less than 24 hours before: no refund and a late-cancellation fee of £15.00.",
      "Missed appointments are charged 50 % of the price (£30.00).",
      "You can cancel online until 2 hours before the start.",
      "Bookings cannot be rescheduled online; please contact the practice.",
    ]);
  });
});
