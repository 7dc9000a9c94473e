/**
 * The cancellation and no-show policy as data: notice tiers (refund share and late-cancellation fee),
 * a no-show fee, and until when customers may cancel or reschedule online. Amounts are minor units of
 * the booking's currency, shares are basis points (100 % = 10,000). Client-safe (the policy editor).
 */
import { z } from "zod";

const MAX_NOTICE_MINUTES = 43_200; // 30 days, the longest notice a service may ask for

export const Fee = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), amount_cents: z.int().min(1).max(100_000_000) }),
  z.object({ kind: z.literal("percent"), bps: z.int().min(1).max(10_000) }),
]);
export type Fee = z.infer<typeof Fee>;

export const NoticeTier = z.object({
  /** The tier applies when the customer cancels at least this long before the start. */
  min_notice_minutes: z.int().min(0).max(MAX_NOTICE_MINUTES),
  /** Share of what was paid that is given back. */
  refund_bps: z.int().min(0).max(10_000),
  /** Late-cancellation fee charged on the card on file, if any. */
  fee: Fee.nullable(),
});
export type NoticeTier = z.infer<typeof NoticeTier>;

export const OnlineChange = z.object({
  allowed: z.boolean(),
  /** Online changes stop this long before the start (0: until it starts). */
  until_minutes_before: z.int().min(0).max(MAX_NOTICE_MINUTES),
});
export type OnlineChange = z.infer<typeof OnlineChange>;

export const CancellationPolicy = z
  .object({
    tiers: z.array(NoticeTier).min(1).max(6),
    no_show_fee: Fee.nullable(),
    customer_cancel: OnlineChange,
    customer_reschedule: OnlineChange,
  })
  .refine((p) => new Set(p.tiers.map((t) => t.min_notice_minutes)).size === p.tiers.length, {
    message: "Two tiers start at the same notice; give each tier its own notice.",
    path: ["tiers"],
  })
  .transform((p) => ({
    ...p,
    tiers: [...p.tiers].sort((a, b) => b.min_notice_minutes - a.min_notice_minutes),
  }));
export type CancellationPolicy = z.output<typeof CancellationPolicy>;

/** A new practice: free cancellation and a full refund until 24 h before, no refund after, no fees. */
export const DEFAULT_POLICY: CancellationPolicy = {
  tiers: [
    { min_notice_minutes: 1440, refund_bps: 10_000, fee: null },
    { min_notice_minutes: 0, refund_bps: 0, fee: null },
  ],
  no_show_fee: null,
  customer_cancel: { allowed: true, until_minutes_before: 0 },
  customer_reschedule: { allowed: true, until_minutes_before: 0 },
};
