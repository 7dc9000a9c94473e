import { stringToBytes } from "otplib";
import { describe, expect, it } from "vitest";
import { acceptTotp, generateTotpCode, generateTotpSecret, matchTotpStep, totpStep, totpUri } from "./totp";

// RFC 6238 Appendix B, SHA-1 rows: seed is ASCII "12345678901234567890", 8 digits.
const RFC_SEED = stringToBytes("12345678901234567890");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("generateTotpCode", () => {
  it.each(RFC_VECTORS)("matches RFC 6238 at t=%i (8 digits)", (t, expected) => {
    expect(generateTotpCode(RFC_SEED, t * 1000, 8)).toBe(expected);
  });

  it.each(RFC_VECTORS)("6-digit code at t=%i is the low 6 digits of the RFC value", (t, expected) => {
    expect(generateTotpCode(RFC_SEED, t * 1000)).toBe(expected.slice(-6));
  });
});

describe("secrets and URIs", () => {
  it("generates 160-bit base32 secrets", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 32 base32 chars = 160 bits
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it("builds an otpauth URI with the Boka issuer", () => {
    const uri = new URL(
      totpUri({ secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", accountName: "ann@example.com" }),
    );
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Boka:ann@example.com");
    expect(uri.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(uri.searchParams.get("issuer")).toBe("Boka");
  });
});

describe("matchTotpStep", () => {
  const secret = generateTotpSecret();
  const now = 1_700_000_015_000; // mid-step
  const step = totpStep(now);
  const codeAt = (offset: number) => generateTotpCode(secret, now + offset * 30_000);

  it("returns the absolute step for the current code", () => {
    expect(step).toBe(Math.floor(now / 1000 / 30));
    expect(matchTotpStep(secret, codeAt(0), now, { window: 1 })).toBe(step);
  });

  it("accepts ±1 step of drift and refuses ±2", () => {
    expect(matchTotpStep(secret, codeAt(-1), now, { window: 1 })).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(1), now, { window: 1 })).toBe(step + 1);
    // Codes can collide by chance (1 in 10^6 per step); skip the assertion in that unlucky case.
    for (const off of [-2, 2]) {
      const code = codeAt(off);
      if ([-1, 0, 1].some((o) => codeAt(o) === code)) continue;
      expect(matchTotpStep(secret, code, now, { window: 1 })).toBeNull();
    }
  });

  it("handles the first and last second of a step", () => {
    const start = step * 30_000;
    const end = start + 29_999;
    expect(matchTotpStep(secret, generateTotpCode(secret, start - 1), start, { window: 1 })).toBe(step - 1);
    expect(matchTotpStep(secret, generateTotpCode(secret, end + 1), end, { window: 1 })).toBe(step + 1);
  });

  it("trims spaces and dashes, rejects malformed codes without throwing", () => {
    const code = codeAt(0);
    expect(matchTotpStep(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, now)).toBe(step);
    expect(matchTotpStep(secret, `${code.slice(0, 3)}-${code.slice(3)}`, now)).toBe(step);
    for (const bad of [
      "",
      "abcdef",
      `${code.slice(0, 5)}a`,
      code.slice(0, 5),
      `${code}0`,
      "１２３４５６",
      "12345678",
    ]) {
      expect(matchTotpStep(secret, bad, now)).toBeNull();
    }
  });
});

describe("acceptTotp", () => {
  const secret = generateTotpSecret();
  const now = 1_700_000_015_000;
  const step = totpStep(now);
  const code = generateTotpCode(secret, now);

  it("accepts a fresh code and reports its step", () => {
    expect(acceptTotp({ secret, code, nowMs: now, lastUsedStep: null })).toEqual({ ok: true, step });
    expect(acceptTotp({ secret, code, nowMs: now, lastUsedStep: step - 1 })).toEqual({ ok: true, step });
  });

  it("refuses a replayed step or an older one", () => {
    expect(acceptTotp({ secret, code, nowMs: now, lastUsedStep: step })).toEqual({
      ok: false,
      reason: "replayed",
    });
    const older = generateTotpCode(secret, now - 30_000);
    expect(acceptTotp({ secret, code: older, nowMs: now, lastUsedStep: step })).toEqual({
      ok: false,
      reason: "replayed",
    });
    // Even when the stored step is ahead of the whole window (clock went backwards).
    expect(acceptTotp({ secret, code, nowMs: now, lastUsedStep: step + 5 })).toEqual({
      ok: false,
      reason: "replayed",
    });
  });

  it("accepts the next step after the last used one", () => {
    const next = generateTotpCode(secret, now + 30_000);
    expect(acceptTotp({ secret, code: next, nowMs: now, lastUsedStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it("calls wrong or malformed codes invalid", () => {
    const window = [-1, 0, 1].map((o) => generateTotpCode(secret, now + o * 30_000));
    const wrong = ["000000", "000001", "000002", "000003"].find((c) => !window.includes(c)) ?? "";
    expect(acceptTotp({ secret, code: wrong, nowMs: now, lastUsedStep: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(acceptTotp({ secret, code: "12a456", nowMs: now, lastUsedStep: step })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
