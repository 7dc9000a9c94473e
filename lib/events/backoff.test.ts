import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles per failure within the jitter band", () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, () => 1)).toBe(8000);
    expect(retryDelayMs(4, 1000, () => 0)).toBe(4000);
  });

  it("never waits more than an hour", () => {
    expect(retryDelayMs(40, 2000, () => 1)).toBe(3_600_000);
  });
});
