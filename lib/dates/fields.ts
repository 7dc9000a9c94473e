/**
 * The one set of date and instant schemas for every boundary (API queries and bodies, server actions,
 * forms). Client-safe: no server imports.
 *
 * Years are bounded so that padded windows (a week from the start, a day either side for time zones)
 * stay inside what Postgres, JavaScript dates and `YYYY-MM-DD` strings all represent.
 */
import { z } from "zod";

export const YEARS = { min: 2000, max: 2999 } as const;
const YEARS_MESSAGE = `Use a year from ${YEARS.min} to ${YEARS.max}`;
const inYears = (year: number) => year >= YEARS.min && year <= YEARS.max;

/** Date.parse rolls 2030-02-30 over to 2 March, so round-trip instead. */
function isCalendarDate(d: string): boolean {
  const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

// zod runs every check even after the format failed: the later ones pass what is not well-formed, so
// a bad value gets one message, not three.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;

/** A calendar day, `YYYY-MM-DD`, in the supported years. */
export const LocalDate = z
  .string({ error: "Use a date such as 2026-11-23" })
  .regex(DATE, "Use a date such as 2026-11-23")
  .refine((d) => !DATE.test(d) || inYears(Number(d.slice(0, 4))), YEARS_MESSAGE)
  .refine((d) => !DATE.test(d) || isCalendarDate(d), "Not a real calendar date");

/** A wall-clock date and time, `YYYY-MM-DDTHH:MM`, in the supported years. */
export const LocalDateTime = z
  .string({ error: "Enter a date and time" })
  .regex(DATE_TIME, "Enter a date and time")
  .refine((d) => !DATE_TIME.test(d) || inYears(Number(d.slice(0, 4))), YEARS_MESSAGE)
  .refine((d) => !DATE_TIME.test(d) || isCalendarDate(d.slice(0, 10)), "Not a real calendar date");

/** An ISO 8601 instant with an offset, kept as the string, in the supported years. */
export const InstantString = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 instant such as 2026-11-23T09:00:00Z" })
  .refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return Number.isNaN(year) || inYears(year);
  }, YEARS_MESSAGE);

/** The same instant as a Date. */
export const Instant = InstantString.transform((s) => new Date(s));
