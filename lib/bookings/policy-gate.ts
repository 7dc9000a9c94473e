/**
 * The one place a booking's cancellation policy (its snapshot) is applied to a change, called by the
 * lifecycle itself so no path — manage link, public API, customer portal, team API, dashboard — can skip
 * it. Customers are refused what the policy forbids online. The practice may always change a booking;
 * the policy's money outcome applies to its cancellations too unless a member overrides it with a reason
 * (full refund, no fee), which is audited.
 */
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { type Tx, tables } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { bookingMoney } from "@/lib/payments";
import {
  type CancellationPolicy,
  policyForService,
  quoteCancellation,
  readSnapshot,
  rescheduleDecision,
} from "@/lib/policies";

/** The lifecycle's types, restated here so the gate does not import the lifecycle that calls it. */
type ActorLabel = string;
type BookingRecord = typeof tables.bookings.$inferSelect;

export type PolicyOverride = { userId: string; reason: string };

export type CancellationOutcome = {
  refund_cents: number;
  fee_cents: number;
  /** The notice tier's lower bound that applied (null: later than every tier). */
  tier_min_notice_minutes: number | null;
  overridden: boolean;
};

const isCustomer = (actor: ActorLabel) => actor === "customer";

/** Refuses a customer's cancellation the policy forbids; otherwise what it refunds and charges. */
export async function cancellationUnderPolicy(
  tx: Tx,
  booking: BookingRecord,
  actor: ActorLabel,
  now: Date,
  override?: PolicyOverride,
): Promise<CancellationOutcome> {
  const policy: CancellationPolicy = readSnapshot(booking.cancellationPolicy);
  const money = await bookingMoney(tx, booking.tenantId, booking.id);
  const paidCents = money.amount_paid_cents - money.amount_refunded_cents;
  const quote = quoteCancellation(
    policy,
    { startAt: booking.startAt, now },
    { priceCents: booking.priceCents, paidCents, currency: booking.currency },
  );
  if (isCustomer(actor) && !quote.online.allowed) throw new Conflict(quote.online.reason);
  const byPolicy: CancellationOutcome = {
    refund_cents: quote.refundCents,
    fee_cents: quote.feeCents,
    tier_min_notice_minutes: quote.tier?.min_notice_minutes ?? null,
    overridden: false,
  };
  if (!override || isCustomer(actor)) return byPolicy;
  const waived: CancellationOutcome = {
    ...byPolicy,
    refund_cents: paidCents,
    fee_cents: 0,
    overridden: true,
  };
  await recordAudit(tx, {
    tenantId: booking.tenantId,
    actorUserId: override.userId,
    action: "booking.policy_override",
    targetType: "booking",
    targetId: booking.id,
    details: { reason: override.reason, by_policy: byPolicy, applied: waived },
  });
  return waived;
}

/** Refuses a customer's reschedule the policy forbids; the practice may always move a booking. */
export function rescheduleUnderPolicy(
  booking: { cancellationPolicy: unknown; startAt: Date },
  actor: ActorLabel,
  now: Date,
): void {
  if (!isCustomer(actor)) return;
  const decision = rescheduleDecision(readSnapshot(booking.cancellationPolicy), {
    startAt: booking.startAt,
    now,
  });
  if (!decision.allowed) throw new Conflict(decision.reason);
}

/**
 * The snapshot a new booking stores: the service's own policy, else the practice's, else the default,
 * with online changes stopping no later than the service's minimum notice.
 */
export async function snapshotFor(
  tx: Tx,
  tenantId: string,
  service: { cancellationPolicy: unknown; minNoticeMinutes: number },
): Promise<CancellationPolicy> {
  const [row] = await tx
    .select({ policy: tables.tenants.cancellationPolicy })
    .from(tables.tenants)
    .where(eq(tables.tenants.id, tenantId));
  return policyForService(row?.policy ?? null, service);
}
