import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chargeStep,
  currencyDigits,
  formatMoney,
  formatPercent,
  isCurrencyCode,
  minorToDecimal,
  parseMoney,
  roundToStep,
  shareOf,
} from "./index";

describe("minor units follow Stripe's currency rules", () => {
  it("counts digits: zero-decimal, two-decimal, three-decimal, and ISK as Stripe represents it", () => {
    expect(["JPY", "KRW", "VND", "CLP", "XOF", "UGX"].map(currencyDigits)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(["GBP", "EUR", "USD", "HUF", "TWD", "ISK"].map(currencyDigits)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(["KWD", "BHD", "JOD", "OMR", "TND"].map(currencyDigits)).toEqual([3, 3, 3, 3, 3]);
    expect(currencyDigits("jpy")).toBe(0);
  });

  it("charges three-decimal currencies in steps of 10 and ISK in whole krónur", () => {
    expect(chargeStep("KWD")).toBe(10);
    expect(chargeStep("ISK")).toBe(100);
    expect(chargeStep("GBP")).toBe(1);
    expect(chargeStep("JPY")).toBe(1);
  });

  it("parses typed amounts into minor units and refuses more digits than the currency has", () => {
    expect(parseMoney("60", "GBP")).toBe(6000);
    expect(parseMoney("12,5", "EUR")).toBe(1250);
    expect(parseMoney("500", "JPY")).toBe(500);
    expect(parseMoney("500.5", "JPY")).toBeNull();
    expect(parseMoney("1.250", "KWD")).toBe(1250);
    expect(parseMoney("1.2505", "KWD")).toBeNull();
    expect(parseMoney("-1", "GBP")).toBeNull();
    expect(parseMoney("abc", "GBP")).toBeNull();
  });

  it("prints minor units as the decimal a form shows", () => {
    expect(minorToDecimal(6000, "GBP")).toBe("60.00");
    expect(minorToDecimal(5, "GBP")).toBe("0.05");
    expect(minorToDecimal(500, "JPY")).toBe("500");
    expect(minorToDecimal(1250, "KWD")).toBe("1.250");
    expect(minorToDecimal(-250, "GBP")).toBe("-2.50");
  });

  it("round-trips every amount through the form text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom("GBP", "JPY", "KWD"), (n, c) => {
        expect(parseMoney(minorToDecimal(n, c), c)).toBe(n);
      }),
    );
  });

  it("formats for display with the currency's own digits", () => {
    expect(formatMoney(6000, "GBP")).toBe("£60.00");
    expect(formatMoney(500, "JPY")).toBe("JP¥500");
    // Intl puts a no-break space between a currency code and the amount.
    expect(formatMoney(1250, "KWD").replace(/\s/g, " ")).toBe("KWD 1.250");
    expect(formatMoney(150000, "ISK").replace(/\s/g, " ")).toBe("ISK 1,500");
  });

  it("knows a currency code from a typo", () => {
    expect(isCurrencyCode("GBP")).toBe(true);
    expect(isCurrencyCode("gbp")).toBe(false);
    expect(isCurrencyCode("GB")).toBe(false);
  });
});

describe("percentages of money round in minor units", () => {
  it("rounds half up in the currency's minor unit", () => {
    expect(shareOf(4999, 2000, "JPY")).toBe(1000); // ¥999.8 → ¥1,000
    expect(shareOf(4997, 5000, "JPY")).toBe(2499); // ¥2,498.5 → ¥2,499
    expect(shareOf(4996, 5000, "JPY")).toBe(2498);
    expect(shareOf(1999, 5000, "GBP")).toBe(1000); // £9.995 → £10.00
    expect(shareOf(6000, 1250, "GBP")).toBe(750); // 12.5 % exactly
  });

  it("keeps three-decimal and ISK shares chargeable", () => {
    expect(shareOf(1015, 5000, "KWD")).toBe(510); // 0.5075 → 0.510
    expect(shareOf(1000, 3333, "KWD")).toBe(330);
    expect(shareOf(150000, 3333, "ISK")).toBe(50000); // 499.95 kr → 500 kr
    expect(roundToStep(1234, "KWD")).toBe(1230);
    expect(roundToStep(1235, "KWD")).toBe(1240);
  });

  it("gives 0 and the whole amount at the ends, never more than the amount", () => {
    expect(shareOf(4999, 0, "JPY")).toBe(0);
    expect(shareOf(1015, 10_000, "KWD")).toBe(1015);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom("GBP", "JPY", "KWD", "ISK"),
        (n, bps, c) => {
          const share = shareOf(n, bps, c);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(n);
          expect(Number.isInteger(share)).toBe(true);
        },
      ),
    );
  });

  it("refuses a share outside 0–100 % or a fractional amount", () => {
    expect(() => shareOf(100, 10_001, "GBP")).toThrow(RangeError);
    expect(() => shareOf(10.5, 100, "GBP")).toThrow(RangeError);
    expect(formatPercent(1250)).toBe("12.5 %");
    expect(formatPercent(2000)).toBe("20 %");
  });
});
