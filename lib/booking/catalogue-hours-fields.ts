/**
 * Form fields of a staff member's schedule: weekly hours, date overrides and time off. Times are local
 * wall-clock "HH:MM" in the staff member's zone; "24:00" ends a shift at midnight. Client-safe.
 */
import { z } from "zod";
import { LocalDate } from "./catalogue-fields";

export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

const LocalTime = z
  .string({ error: "Enter a time" })
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Enter a time as HH:MM");

export const IntervalFields = z.object({ start: LocalTime, end: LocalTime });
export type IntervalFields = z.infer<typeof IntervalFields>;

const Intervals = z.array(IntervalFields).max(12, "Use at most 12 intervals a day");

/** End after start, and no two intervals of one day overlapping; errors point at the offending field. */
function checkDay(intervals: readonly IntervalFields[], ctx: z.RefinementCtx, path: (string | number)[]) {
  intervals.forEach((interval, i) => {
    if (interval.end <= interval.start) {
      ctx.addIssue({ code: "custom", path: [...path, i, "end"], message: "End must be after start" });
    }
  });
  const sorted = intervals
    .map((interval, i) => ({ ...interval, i }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start.localeCompare(b.start));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (prev && cur && cur.start < prev.end) {
      ctx.addIssue({
        code: "custom",
        path: [...path, cur.i, "start"],
        message: `Overlaps ${prev.start}–${prev.end}`,
      });
    }
  }
}

/** Seven days, Monday first. */
export const WeeklyHoursFields = z
  .object({ days: z.array(z.object({ intervals: Intervals })).length(7) })
  .superRefine((value, ctx) => {
    value.days.forEach((day, d) => {
      checkDay(day.intervals, ctx, ["days", d, "intervals"]);
    });
  });
export type WeeklyHoursFields = z.infer<typeof WeeklyHoursFields>;

export const DateOverrideFields = z
  .object({ date: LocalDate, closed: z.boolean(), intervals: Intervals })
  .superRefine((value, ctx) => {
    if (value.closed) return;
    if (!value.intervals.length) {
      ctx.addIssue({ code: "custom", path: ["intervals"], message: "Add hours, or mark the day closed" });
    }
    checkDay(value.intervals, ctx, ["intervals"]);
  });
export type DateOverrideFields = z.infer<typeof DateOverrideFields>;

const LocalDateTime = z
  .string({ error: "Enter a date and time" })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "Enter a date and time");

export const TimeOffFields = z
  .object({
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    reason: z.string().trim().max(200, "Use at most 200 characters"),
  })
  .refine((t) => t.endsAt > t.startsAt, { path: ["endsAt"], message: "The end must be after the start" });
export type TimeOffFields = z.infer<typeof TimeOffFields>;
