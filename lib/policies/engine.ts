/**
 * The policy engine: pure functions from a policy and a moment to what a cancellation, a reschedule or
 * a no-show costs and whether a customer may do it online. No I/O; lib/bookings applies the answers.
 */
import { shareOf } from "@/lib/money";
import { CancellationPolicy, DEFAULT_POLICY, type Fee, type NoticeTier, type OnlineChange } from "./fields";

const MINUTE = 60_000;

/** The service's own policy when it has one, else the practice's, else the default for new practices. */
export function effectivePolicy(
  practice: CancellationPolicy | null,
  service: CancellationPolicy | null,
): CancellationPolicy {
  return service ?? practice ?? DEFAULT_POLICY;
}

/**
 * What is stored on a booking when it is made. Online changes never reach inside the service's
 * minimum notice: a slot the practice would not sell that late cannot be freed or taken that late.
 */
export function policySnapshot(policy: CancellationPolicy, minNoticeMinutes: number): CancellationPolicy {
  const floor = (c: OnlineChange): OnlineChange => ({
    ...c,
    until_minutes_before: Math.max(c.until_minutes_before, minNoticeMinutes),
  });
  return {
    ...policy,
    customer_cancel: floor(policy.customer_cancel),
    customer_reschedule: floor(policy.customer_reschedule),
  };
}

/** A snapshot read back from the database; anything unreadable falls back to the default policy. */
export function readSnapshot(stored: unknown): CancellationPolicy {
  const parsed = CancellationPolicy.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

/** A practice's or service's stored policy; null when it has none (or it is unreadable). */
export function readStoredPolicy(stored: unknown): CancellationPolicy | null {
  if (stored === null || stored === undefined) return null;
  const parsed = CancellationPolicy.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * The policy a new booking of a service stores, from what the practice and the service have stored:
 * the service's own, else the practice's, else the default, floored by the service's minimum notice.
 */
export function policyForService(
  practiceStored: unknown,
  service: { cancellationPolicy: unknown; minNoticeMinutes: number },
): CancellationPolicy {
  const policy = effectivePolicy(
    readStoredPolicy(practiceStored),
    readStoredPolicy(service.cancellationPolicy),
  );
  return policySnapshot(policy, service.minNoticeMinutes);
}

export function feeAmount(fee: Fee | null, priceCents: number, currency: string): number {
  if (!fee) return 0;
  return fee.kind === "fixed" ? fee.amount_cents : shareOf(priceCents, fee.bps, currency);
}

export type Moment = { startAt: Date; now: Date };
export type OnlineDecision = { allowed: true } | { allowed: false; reason: string };

function hoursText(minutes: number): string {
  if (minutes % 60) return `${minutes} minutes`;
  return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
}

function online(rule: OnlineChange, verb: "cancelled" | "moved", m: Moment): OnlineDecision {
  if (m.startAt <= m.now) {
    return {
      allowed: false,
      reason: `This booking has already started, so it can no longer be ${verb} online.`,
    };
  }
  if (!rule.allowed) {
    return {
      allowed: false,
      reason: `This practice does not let bookings be ${verb} online. Please contact the practice.`,
    };
  }
  if (m.startAt.getTime() - rule.until_minutes_before * MINUTE <= m.now.getTime()) {
    return {
      allowed: false,
      reason: `This practice asks for ${hoursText(rule.until_minutes_before)} notice, so this booking can no longer be ${verb} online. Please contact the practice.`,
    };
  }
  return { allowed: true };
}

/** Until when a customer may cancel online (the booking page and portal show it); null: not online. */
export function cancelDeadline(policy: CancellationPolicy, startAt: Date): Date | null {
  const rule = policy.customer_cancel;
  return rule.allowed ? new Date(startAt.getTime() - rule.until_minutes_before * MINUTE) : null;
}

export type CancellationQuote = {
  online: OnlineDecision;
  /** The notice tier that applies; null when the cancellation comes later than every tier allows. */
  tier: NoticeTier | null;
  refundCents: number;
  feeCents: number;
};

/** What cancelling now means: the tier by notice given, the refund of what was paid and any fee. */
export function quoteCancellation(
  policy: CancellationPolicy,
  m: Moment,
  money: { priceCents: number; paidCents: number; currency: string },
): CancellationQuote {
  const noticeMinutes = Math.floor((m.startAt.getTime() - m.now.getTime()) / MINUTE);
  const tier =
    noticeMinutes < 0 ? null : (policy.tiers.find((t) => noticeMinutes >= t.min_notice_minutes) ?? null);
  return {
    online: online(policy.customer_cancel, "cancelled", m),
    tier,
    refundCents: tier ? shareOf(money.paidCents, tier.refund_bps, money.currency) : 0,
    feeCents: tier ? feeAmount(tier.fee, money.priceCents, money.currency) : 0,
  };
}

export function rescheduleDecision(policy: CancellationPolicy, m: Moment): OnlineDecision {
  return online(policy.customer_reschedule, "moved", m);
}

export function noShowFee(policy: CancellationPolicy, priceCents: number, currency: string): number {
  return feeAmount(policy.no_show_fee, priceCents, currency);
}
