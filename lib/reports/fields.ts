/**
 * The report's date range: local dates in the practice's time zone, both ends included. Client-safe
 * (no server imports), so the page can show the same field errors the API returns.
 */
import { z } from "zod";
import { LocalDate } from "@/lib/catalogue/fields";

/** A year, leap day included. */
export const MAX_RANGE_DAYS = 366;
/** The window used when an end (or both) is left out. */
export const DEFAULT_RANGE_DAYS = 30;

const DAY_MS = 86_400_000;

/** "" (an empty form field) means "not given". */
const OptionalDate = z
  .union([z.literal(""), LocalDate])
  .optional()
  .transform((v) => v || undefined);

/** Days from `from` to `to`, both included (calendar arithmetic; no zone involved). */
export function daysInRange(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
}

export const ReportRangeFields = z
  .object({ from: OptionalDate, to: OptionalDate })
  .refine((r) => !r.from || !r.to || r.to >= r.from, {
    path: ["to"],
    message: "The end is before the start",
  })
  .refine((r) => !r.from || !r.to || daysInRange(r.from, r.to) <= MAX_RANGE_DAYS, {
    path: ["to"],
    message: `Choose at most ${MAX_RANGE_DAYS} days`,
  });
export type ReportRangeFields = z.infer<typeof ReportRangeFields>;
