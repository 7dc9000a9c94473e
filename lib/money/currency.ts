/**
 * Money is integer minor units plus an ISO currency code, with Stripe's idea of a currency's minor unit
 * (https://docs.stripe.com/currencies): Boka's stored amounts are exactly what the Stripe API takes, so
 * nothing is converted on the way to a provider. Client-safe: no server imports.
 */

/** Stripe's zero-decimal currencies: the amount is the whole unit (¥500 is 500). */
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);

/** Three-decimal currencies; Stripe requires the last digit to be 0 (amounts in steps of 10). */
const THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/**
 * ISK has no minor unit in practice, but Stripe represents it with two decimals for backwards
 * compatibility and accepts only whole krónur (amounts in steps of 100).
 */
const WHOLE_UNITS_IN_TWO_DECIMALS = new Set(["ISK"]);

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Decimal places of the currency's minor unit as Stripe counts them: JPY 0, GBP 2, KWD 3. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** The smallest amount step Stripe charges in, in minor units: 1, or 10 for KWD, 100 for ISK. */
export function chargeStep(currency: string): number {
  const code = currency.toUpperCase();
  if (THREE_DECIMAL.has(code)) return 10;
  if (WHOLE_UNITS_IN_TWO_DECIMALS.has(code)) return 100;
  return 1;
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

/** Minor units → the decimal a form shows, e.g. 6000 GBP → "60.00", 500 JPY → "500". */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor));
  if (digits === 0) return sign + text;
  const padded = text.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** e.g. "£60.00", "¥500", "KWD 1.250" — for display only. */
export function formatMoney(minor: number, currency: string, locale = "en-GB"): string {
  const digits = currencyDigits(currency);
  const whole = chargeStep(currency) === 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  }).format(Number(minorToDecimal(minor, currency)));
}
