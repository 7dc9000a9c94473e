/** The policy in the words a customer reads before booking, in the email and on the manage page. */
import { formatMoney, formatPercent } from "@/lib/money";
import { cancelDeadline, feeAmount } from "./engine";
import type { CancellationPolicy, Fee, NoticeTier, OnlineChange } from "./fields";

function noticeText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "24 hours" : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

function feeText(fee: Fee, priceCents: number, currency: string): string {
  const amount = formatMoney(feeAmount(fee, priceCents, currency), currency);
  return fee.kind === "fixed" ? amount : `${formatPercent(fee.bps)} of the price (${amount})`;
}

function outcome(tier: NoticeTier, priceCents: number, currency: string): string {
  const refund =
    tier.refund_bps === 10_000
      ? "full refund"
      : tier.refund_bps === 0
        ? "no refund"
        : `${formatPercent(tier.refund_bps)} refund`;
  return tier.fee
    ? `${refund} and a late-cancellation fee of ${feeText(tier.fee, priceCents, currency)}`
    : refund;
}

function window(tiers: NoticeTier[], i: number): string {
  const tier = tiers[i] as NoticeTier;
  const above = tiers[i - 1];
  if (!above)
    return tier.min_notice_minutes === 0
      ? "Any time before the start"
      : `At least ${noticeText(tier.min_notice_minutes)} before`;
  const upper = noticeText(above.min_notice_minutes);
  return tier.min_notice_minutes === 0
    ? `Less than ${upper} before`
    : `Between ${noticeText(tier.min_notice_minutes)} and ${upper} before`;
}

function onlineText(rule: OnlineChange, verb: string): string {
  if (!rule.allowed) return `Bookings cannot be ${verb} online; please contact the practice.`;
  return rule.until_minutes_before === 0
    ? `You can ${verb === "cancelled" ? "cancel" : "reschedule"} online until the start.`
    : `You can ${verb === "cancelled" ? "cancel" : "reschedule"} online until ${noticeText(rule.until_minutes_before)} before the start.`;
}

/** One sentence per rule, e.g. "At least 24 hours before: full refund." */
export function describePolicy(policy: CancellationPolicy, priceCents: number, currency: string): string[] {
  const { tiers } = policy;
  const lines = tiers.map((t, i) => `${window(tiers, i)}: ${outcome(t, priceCents, currency)}.`);
  const last = tiers[tiers.length - 1];
  if (last && last.min_notice_minutes > 0)
    lines.push(`Less than ${noticeText(last.min_notice_minutes)} before: no refund.`);
  lines.push(
    policy.no_show_fee
      ? `Missed appointments are charged ${feeText(policy.no_show_fee, priceCents, currency)}.`
      : "There is no charge for a missed appointment.",
  );
  lines.push(
    onlineText(policy.customer_cancel, "cancelled"),
    onlineText(policy.customer_reschedule, "rescheduled"),
  );
  return lines;
}

export type CustomerPolicyView = {
  rules: CancellationPolicy;
  summary: string[];
  /** Until when the customer may cancel online; null when they may not. */
  cancel_online_until: Date | null;
};

/** The policy of one booking as its customer sees it (manage page, public API). */
export function customerPolicyView(
  policy: CancellationPolicy,
  booking: { startAt: Date; priceCents: number; currency: string },
): CustomerPolicyView {
  return {
    rules: policy,
    summary: describePolicy(policy, booking.priceCents, booking.currency),
    cancel_online_until: cancelDeadline(policy, booking.startAt),
  };
}
