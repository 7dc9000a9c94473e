/** Display helpers for the portal; client-safe. Times are always shown in the practice's zone. */
export { formatMoney } from "@/lib/catalogue/fields";

export function formatWhen(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(at));
}

export function formatClock(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(at),
  );
}

/** The local calendar date ("YYYY-MM-DD") of an instant in a zone. */
export function localDate(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(at));
}
