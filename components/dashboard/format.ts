/**
 * Date formatting for the dashboard, always in an explicit zone (the practice's) and en-GB 24-hour
 * clock, so the server's render and the browser's agree.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", ...options });
    cache.set(key, f);
  }
  return f;
}

type When = Date | string;
const toDate = (when: When) => (typeof when === "string" ? new Date(when) : when);

/** "14:30" */
export function formatTime(when: When, zone: string): string {
  return formatter(zone, { hour: "2-digit", minute: "2-digit" }).format(toDate(when));
}

/** "Tue 3 Mar 2026, 14:30" */
export function formatDateTime(when: When, zone: string): string {
  return formatter(zone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(toDate(when));
}

/** A local "YYYY-MM-DD" as "Tuesday 3 March 2026" (the date is a calendar day, so read it as UTC). */
export function formatLocalDate(date: string, style: "long" | "short" = "long"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "long"
      ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
      : { weekday: "short", day: "numeric", month: "short" };
  return formatter("UTC", options).format(new Date(`${date}T00:00:00Z`));
}

/** "YYYY-MM-DD" of an instant in the zone. */
export function localDate(when: When, zone: string): string {
  const parts = formatter(zone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    toDate(when),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Minutes after midnight → "HH:MM". */
export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
