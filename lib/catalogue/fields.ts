/**
 * Form fields of the practice's catalogue (services, staff, rooms, closures, customers), shared by the
 * dashboard's forms (client-side checks) and lib (the final word). Input and output types are the same,
 * so react-hook-form can use them directly: numbers are numbers, "none" is "".
 */
import { z } from "zod";
import { LocalDate, LocalDateTime } from "@/lib/dates/fields";
import { Email, isTimeZone, PersonName } from "@/lib/tenants/fields";

export { LocalDate };

const whole = (label: string, min: number, max: number, unit = "minutes") =>
  z
    .number({ error: `Enter ${label} as a number` })
    .int(`Enter ${label} as a whole number`)
    .min(min, `${capitalise(label)} must be between ${min} and ${max} ${unit}`)
    .max(max, `${capitalise(label)} must be between ${min} and ${max} ${unit}`);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "" means none. */
const OptionalId = z.union([z.literal(""), z.uuid("Choose from the list")]);

export const ServiceFields = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  description: z.string().max(2000, "Use at most 2,000 characters"),
  durationMinutes: whole("the duration", 5, 720),
  /** A decimal in the practice's currency, e.g. "45.00"; lib converts it with the currency's digits. */
  price: z
    .string()
    .trim()
    .regex(/^\d{1,9}([.,]\d{0,3})?$/, "Enter a price such as 45 or 45.50"),
  bufferBeforeMinutes: whole("the buffer before", 0, 240),
  bufferAfterMinutes: whole("the buffer after", 0, 240),
  minNoticeMinutes: whole("the minimum notice", 0, 43_200),
  maxDaysInAdvance: whole("the booking horizon", 1, 730, "days"),
  slotIntervalMinutes: whole("the slot interval", 5, 720),
  capacity: whole("the capacity", 1, 500, "people"),
  resourceTypeId: OptionalId,
  staffIds: z.array(z.uuid()).max(200),
  requiresConfirmation: z.boolean(),
  isActive: z.boolean(),
  isPublic: z.boolean(),
});
export type ServiceFields = z.infer<typeof ServiceFields>;

export const StaffFields = z.object({
  displayName: PersonName,
  /** The practice member who signs in as this person; "" for none. */
  userId: OptionalId,
  /** "" follows the practice's time zone. */
  timeZone: z
    .string()
    .trim()
    .refine((tz) => tz === "" || isTimeZone(tz), "Unknown time zone; use an IANA name such as Europe/London"),
  isActive: z.boolean(),
});
export type StaffFields = z.infer<typeof StaffFields>;

const PlaceName = z.string().trim().min(1, "Enter a name").max(80, "Use at most 80 characters");

export const ResourceTypeFields = z.object({ name: PlaceName });
export type ResourceTypeFields = z.infer<typeof ResourceTypeFields>;

export const ResourceFields = z.object({
  name: PlaceName,
  typeId: z.uuid("Choose a type"),
  isActive: z.boolean(),
});
export type ResourceFields = z.infer<typeof ResourceFields>;

export const ClosureFields = z
  .object({
    startsOn: LocalDate,
    endsOn: LocalDate,
    reason: z.string().trim().max(200, "Use at most 200 characters"),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ["endsOn"], message: "The last day is before the first" });
export type ClosureFields = z.infer<typeof ClosureFields>;

export const CustomerFields = z.object({
  name: PersonName,
  email: Email,
  phone: z
    .string()
    .trim()
    .max(40, "Use at most 40 characters")
    .regex(/^[0-9+()./\s-]*$/, "Use digits, spaces and + ( ) - only"),
  notes: z.string().max(4000, "Use at most 4,000 characters"),
});
export type CustomerFields = z.infer<typeof CustomerFields>;

/** A form's fields plus the id of the record being edited; field errors keep their top-level paths. */
export function withId<S extends z.ZodType>(schema: S) {
  return z.intersection(z.object({ id: z.uuid() }), schema);
}

/**
 * Form fields of a staff member's schedule: weekly hours, date overrides and time off. Times are local
 * wall-clock "HH:MM" in the staff member's zone; "24:00" ends a shift at midnight. Client-safe.
 */

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

export const TimeOffFields = z
  .object({
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    reason: z.string().trim().max(200, "Use at most 200 characters"),
  })
  .refine((t) => t.endsAt > t.startsAt, { path: ["endsAt"], message: "The end must be after the start" });
export type TimeOffFields = z.infer<typeof TimeOffFields>;

export * from "./money";
