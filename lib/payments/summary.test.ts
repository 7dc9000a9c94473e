import { describe, expect, it } from "vitest";
import { amountDueOnline } from "./rules";
import { type BookingForMoney, summarize } from "./summary";

const booking: BookingForMoney = {
  status: "confirmed",
  priceCents: 6000,
  amountDueCents: 1200,
  currency: "GBP",
};
const ok = (kind: "charge" | "refund" | "fee", amountCents: number) => ({
  kind,
  amountCents,
  status: "succeeded" as const,
});

describe("what a booking owes", () => {
  it("is unpaid, then paid once the deposit is in, with the rest owed at the practice", () => {
    expect(summarize(booking, [])).toMatchObject({ status: "unpaid", balance_cents: 6000 });
    expect(summarize(booking, [{ kind: "charge", amountCents: 1200, status: "pending" }])).toMatchObject({
      status: "pending",
      amount_paid_cents: 0,
    });
    expect(summarize(booking, [ok("charge", 1200)])).toMatchObject({
      status: "paid",
      amount_paid_cents: 1200,
      balance_cents: 4800,
    });
  });

  it("counts refunds and fees, and owes nothing once cancelled", () => {
    const rows = [ok("charge", 1200), ok("refund", 600), ok("fee", 1500)];
    expect(summarize(booking, rows)).toMatchObject({
      amount_paid_cents: 2700,
      amount_refunded_cents: 600,
      fees_cents: 1500,
      balance_cents: 5400,
      status: "partially_refunded",
    });
    expect(
      summarize({ ...booking, status: "cancelled" }, [ok("charge", 1200), ok("refund", 1200)]),
    ).toMatchObject({ balance_cents: 0, status: "refunded" });
    expect(summarize({ ...booking, amountDueCents: 0 }, [])).toMatchObject({ status: "not_required" });
  });
});

describe("what a service asks for online", () => {
  const service = { priceCents: 4999, currency: "JPY", depositCents: null, depositBps: null };
  it("follows the rule: none, share or fixed deposit (never above the price), prepayment, card only", () => {
    expect(amountDueOnline({ ...service, paymentRule: "none" })).toBe(0);
    expect(amountDueOnline({ ...service, paymentRule: "deposit", depositBps: 2000 })).toBe(1000);
    expect(amountDueOnline({ ...service, paymentRule: "deposit", depositCents: 9000 })).toBe(4999);
    expect(amountDueOnline({ ...service, paymentRule: "prepayment" })).toBe(4999);
    expect(amountDueOnline({ ...service, paymentRule: "card_on_file" })).toBe(0);
  });
});
