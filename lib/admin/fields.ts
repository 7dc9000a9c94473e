/**
 * Inputs of the platform admin's actions, shared by the forms (browser), the server actions, the JSON
 * routes and the lib (which parses again). No server imports here: the forms bundle this file.
 */
import { z } from "zod";

export const REASON_MIN = 10;
export const REASON_MAX = 500;

/** Why the admin acts: required, and long enough to mean something to the practice's owner later. */
export const Reason = z
  .string({ error: "Give a reason" })
  .trim()
  .min(1, { error: "Give a reason", abort: true })
  .min(REASON_MIN, `Describe the reason in at least ${REASON_MIN} characters (a ticket number helps)`)
  .max(REASON_MAX, `Use at most ${REASON_MAX} characters`);

/** Suspending a practice, and the form in front of a support view. */
export const ReasonFields = z.object({ reason: Reason });
export type ReasonFields = z.infer<typeof ReasonFields>;

/** Reactivating needs no reason, but one given is kept in the audit entries. */
export const ReactivateFields = z.object({
  reason: z
    .string()
    .trim()
    .max(REASON_MAX, `Use at most ${REASON_MAX} characters`)
    .optional()
    .transform((r) => r || undefined),
});
export type ReactivateFields = z.infer<typeof ReactivateFields>;

export const SupportViewFields = z.object({
  reason: Reason,
  page: z.coerce.number().int("Use a whole page number").min(1).max(10_000).default(1),
});
export type SupportViewFields = z.infer<typeof SupportViewFields>;

export const PRACTICE_STATUSES = ["active", "suspended"] as const;

/** Filters of the practice list (query-string values; "" means any). */
export const PracticeFilters = z.object({
  q: z.string().trim().max(120, "Use at most 120 characters").default(""),
  status: z.union([z.literal(""), z.enum(PRACTICE_STATUSES, "Choose active or suspended")]).default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type PracticeFilters = z.infer<typeof PracticeFilters>;
