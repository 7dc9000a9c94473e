/** Money and durations for the booking page; shared by the server-rendered list and the client wizard. */

/**
 * Integer minor units → a price in `currency`. The fraction digits come from Intl, so JPY (0) and
 * KWD (3) come out right. The locale is fixed so server and browser render the same text.
 */
export function formatPrice(cents: number, currency: string, locale = "en-GB"): string {
  if (cents === 0) return "Free";
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}
