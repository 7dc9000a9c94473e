import { describe, expect, it } from "vitest";
import { formatDuration, formatPrice } from "./format";

describe("formatPrice", () => {
  it("uses the currency's own minor units", () => {
    expect(formatPrice(4500, "GBP")).toBe("£45.00");
    expect(formatPrice(1999, "EUR")).toBe("€19.99");
    expect(formatPrice(5000, "JPY")).toBe("JP¥5,000");
    expect(formatPrice(12345, "KWD")).toMatch(/^KWD\s12\.345$/);
  });

  it("calls a zero price free", () => {
    expect(formatPrice(0, "GBP")).toBe("Free");
  });
});

describe("formatDuration", () => {
  it("writes minutes and hours", () => {
    expect(formatDuration(30)).toBe("30 min");
    expect(formatDuration(60)).toBe("1 hr");
    expect(formatDuration(90)).toBe("1 hr 30 min");
    expect(formatDuration(720)).toBe("12 hr");
  });
});
