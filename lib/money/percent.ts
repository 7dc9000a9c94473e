/**
 * Percentages of money, in integer arithmetic. A percentage is basis points (1 % = 100 bps), so
 * "12.5 %" is exact; the result is rounded half up to the currency's charge step, never above the
 * amount it is a share of.
 */
import { chargeStep } from "./currency";

export const FULL_BPS = 10_000;

/** Rounds a non-negative amount half up to a multiple of the currency's charge step. */
export function roundToStep(minor: number, currency: string): number {
  const step = chargeStep(currency);
  return Math.floor((minor + step / 2) / step) * step;
}

/** `bps` basis points of `minor`, e.g. 20 % (2000 bps) of ¥4,999 → ¥1,000; 50 % of KWD 1.015 → 0.510. */
export function shareOf(minor: number, bps: number, currency: string): number {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Invalid amount: ${minor}`);
  if (!Number.isInteger(bps) || bps < 0 || bps > FULL_BPS) throw new RangeError(`Invalid share: ${bps}`);
  if (bps === FULL_BPS) return minor;
  const step = chargeStep(currency);
  // minor * bps stays below 2^53 for any amount the database holds (integer, < 2^31).
  const units = Math.floor((minor * bps + (FULL_BPS * step) / 2) / (FULL_BPS * step));
  return Math.min(units * step, minor);
}

/** "20 %", "12.5 %" — for display only. */
export function formatPercent(bps: number): string {
  return `${Number((bps / 100).toFixed(2))} %`;
}
