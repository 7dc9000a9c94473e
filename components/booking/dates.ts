/**
 * Calendar dates (YYYY-MM-DD) and instants shown in a given IANA zone. Intl only: the booking page ships
 * no date library to the browser.
 */

const ymdFormatters = new Map<string, Intl.DateTimeFormat>();

function ymdFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = ymdFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    ymdFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDateOf(instant: Date | string | number, timeZone: string): string {
  const parts = ymdFormatter(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Noon UTC on the date: formatting it with timeZone "UTC" always shows that same date. */
function dateAsUtcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = dateAsUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function datesFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/** Short parts for a day button and a full phrase for its accessible name. */
export function dayLabel(date: string, locale?: string): { weekday: string; day: string; full: string } {
  const d = dateAsUtcNoon(date);
  const fmt = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(d);
  return {
    weekday: fmt({ weekday: "short" }),
    day: fmt({ day: "numeric", month: "short" }),
    full: fmt({ weekday: "long", day: "numeric", month: "long" }),
  };
}

export function formatTime(instant: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(
    new Date(instant),
  );
}

export function formatDateTime(instant: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "full", timeStyle: "short" }).format(
    new Date(instant),
  );
}

/** "America/New_York" → "America/New York": the IANA name, readable. */
export function zoneName(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}

/** Slots grouped by the date they start on in `timeZone`, in their original order. */
export function groupByLocalDate<T extends { start: string }>(
  slots: readonly T[],
  timeZone: string,
): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const slot of slots) {
    const date = localDateOf(slot.start, timeZone);
    const list = days.get(date);
    if (list) list.push(slot);
    else days.set(date, [slot]);
  }
  return days;
}
