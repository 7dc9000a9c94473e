import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

/**
 * RFC 6238 TOTP with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second step.
 * otplib 13 does the HOTP/TOTP maths; its sync API (noble crypto plugin) keeps these helpers pure.
 */

const PERIOD = 30;
const DIGITS = 6;
const ISSUER = "Boka";

/** 160-bit random secret, base32 (RFC 4226 recommends 160 bits; it is what authenticator apps expect). */
export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(opts: { secret: string; accountName: string; issuer?: string }): string {
  return generateURI({ issuer: opts.issuer ?? ISSUER, label: opts.accountName, secret: opts.secret });
}

/** The absolute RFC 6238 time step (T0 = 0) containing `ms`. */
export function totpStep(ms: number): number {
  return Math.floor(ms / 1000 / PERIOD);
}

/** `secret` is base32 (as stored); raw bytes are accepted for test vectors. */
export function generateTotpCode(secret: string | Uint8Array, atMs: number, digits = DIGITS): string {
  return generateSync({ secret, epoch: Math.floor(atMs / 1000), period: PERIOD, digits, algorithm: "sha1" });
}

/** Users paste "123 456" or "123-456"; anything else that is not exactly 6 digits is simply wrong. */
function normalizeCode(code: string): string | null {
  const cleaned = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(cleaned) ? cleaned : null;
}

/**
 * Returns the absolute time step the code belongs to, checking `window` steps either side of now
 * (clock drift), or null. Steps <= `afterStep` are skipped, so a code that happens to repeat in
 * the window can still match an unused step.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  nowMs: number,
  opts: { window?: number; afterStep?: number } = {},
): number | null {
  const token = normalizeCode(code);
  if (token === null) return null;
  const window = opts.window ?? 1;
  const epoch = Math.floor(nowMs / 1000);
  // otplib's tolerance is in seconds; a multiple of the period spans exactly ±window whole steps.
  const maxStep = totpStep(nowMs) + window;
  // otplib throws if afterTimeStep is beyond the window; then no step in the window is eligible.
  if (opts.afterStep !== undefined && opts.afterStep >= maxStep) return null;
  const result = verifySync({
    secret,
    token,
    epoch,
    period: PERIOD,
    digits: DIGITS,
    algorithm: "sha1",
    epochTolerance: window * PERIOD,
    ...(opts.afterStep !== undefined && opts.afterStep >= 0 ? { afterTimeStep: opts.afterStep } : {}),
  });
  // The functional API types its result as TOTP | HOTP; only the TOTP shape carries timeStep.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

export type TotpDecision = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/**
 * The replay rule: a code is accepted only for a step strictly after the last one used. The caller
 * reads `lastUsedStep` under a row lock and stores the returned step in the same transaction.
 */
export function acceptTotp(input: {
  secret: string;
  code: string;
  nowMs: number;
  lastUsedStep: number | null;
}): TotpDecision {
  const { secret, code, nowMs, lastUsedStep } = input;
  const fresh = matchTotpStep(secret, code, nowMs, { window: 1, afterStep: lastUsedStep ?? undefined });
  if (fresh !== null) return { ok: true, step: fresh };
  // Distinguish a reused code from a wrong one, for audit logs and messages.
  if (lastUsedStep !== null && matchTotpStep(secret, code, nowMs, { window: 1 }) !== null) {
    return { ok: false, reason: "replayed" };
  }
  return { ok: false, reason: "invalid" };
}
