/**
 * Prices are typed as decimals in the practice's currency and stored as integer minor units. The
 * conversion is string arithmetic (never floats) with the currency's own digits from Intl (JPY 0,
 * GBP 2, BHD 3). Client-safe: no server imports.
 */

export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Accepts "12", "12.5", "12.50" (and a comma as the decimal mark); null when not a valid amount. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units → the decimal a form shows, e.g. 6000 GBP → "60.00". */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** e.g. "£60.00" — for display only. */
export function formatMoney(minor: number, currency: string, locale = "en-GB"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    Number(minorToDecimal(minor, currency)),
  );
}
