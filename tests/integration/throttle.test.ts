import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_FAILURES_PER_HOUR,
  completeMfaChallenge,
  confirmMfaEnrolment,
  delaySeconds,
  generateTotpCode,
  IP_FAILURES_PER_WINDOW,
  LOGIN_FAILED,
  logIn,
  MAX_DELAY_SECONDS,
  redeemUnlockToken,
  startMfaEnrolment,
  UNLOCK_INVALID,
  WRONG_CODE,
} from "@/lib/auth";
import { closeDatabase, connection, withSystem } from "@/lib/db";
import { TooManyRequests, ValidationFailed } from "@/lib/errors";
import { problemResponse } from "@/lib/http";
import { listDevMailbox } from "@/lib/mail";
import { createPractice, TEST_PASSWORD } from "../support/factory";

// Open (and, embedded, migrate) the database in a hook, whose timeout allows a cold start.
beforeAll(() => connection());
afterAll(closeDatabase);

// Fresh documentation-range IPs per run: with Redis, per-IP counts outlive the test process.
const net = randomBytes(4).toString("hex");
const ip = (n: number) => `2001:db8:${net.slice(0, 4)}:${net.slice(4)}::${n.toString(16)}`;
const WRONG = "definitely not the password";
const PAST_ANY_DELAY = (MAX_DELAY_SECONDS + 1) * 1000;

type Outcome = "evaluated" | { retryAfter: number; error: TooManyRequests };

/** One login attempt: "evaluated" if the password was checked and refused, else the 429. */
async function attempt(email: string, password: string, now: number, from: string): Promise<Outcome> {
  try {
    await logIn({ email, password }, { ip: from, userAgent: "vitest throttle" }, { now });
    throw new Error("the login unexpectedly succeeded");
  } catch (error) {
    if (error instanceof ValidationFailed && error.message === LOGIN_FAILED) return "evaluated";
    if (error instanceof TooManyRequests) return { retryAfter: error.retryAfterSeconds, error };
    throw error;
  }
}

async function countAudit(tenantId: string, action: string): Promise<number> {
  const result = await withSystem("test counts audit entries", (tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from public.audit_log
      where tenant_id = ${tenantId} and action = ${action}`),
  );
  return result.rows[0]?.n ?? 0;
}

describe("login throttling", () => {
  it("grows the delay after the third failure, by the injected clock, and a success resets it", async () => {
    const { owner } = await createPractice();
    const from = ip(1);
    let t = Date.now();
    for (let i = 0; i < 3; i++) expect(await attempt(owner.email, WRONG, t, from)).toBe("evaluated");
    const waits: number[] = [];
    for (let failures = 3; failures < 10; failures++) {
      const refused = await attempt(owner.email, WRONG, t, from);
      expect(refused).not.toBe("evaluated");
      waits.push((refused as { retryAfter: number }).retryAfter);
      t += delaySeconds(failures) * 1000;
      // Exactly when the delay ends, the attempt is evaluated again.
      expect(await attempt(owner.email, WRONG, t, from)).toBe("evaluated");
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30]);

    t += PAST_ANY_DELAY;
    const ok = await logIn({ email: owner.email, password: TEST_PASSWORD }, { ip: from }, { now: t });
    expect(ok.token).toBeTruthy();
    for (let i = 0; i < 3; i++) expect(await attempt(owner.email, WRONG, t, from)).toBe("evaluated");
  });

  it("treats an unknown email exactly like a known one: same answers, similar timing", async () => {
    const { owner } = await createPractice();
    const unknown = `nobody-${net}@example.test`;
    const t = Date.now();
    const answers = async (email: string, from: string) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const o = await attempt(email, WRONG, t, from);
        out.push(o === "evaluated" ? o : `429 after ${o.retryAfter}s: ${o.error.message}`);
      }
      return out;
    };
    expect(await answers(unknown, ip(2))).toEqual(await answers(owner.email, ip(3)));

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      for (const who of ["known", "unknown"] as const) {
        const email = who === "known" ? owner.email : unknown;
        const started = performance.now();
        // Far apart in (injected) time, so every attempt is evaluated.
        await attempt(email, WRONG, t + (i + 1) * 3_600_000, ip(4 + i));
        timings[who].push(performance.now() - started);
      }
    }
    const ratio = median(timings.unknown) / median(timings.known);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it("120 wrong passwords: at most 100 evaluated, then 429 with Retry-After; the unlock email lets the owner in", async () => {
    const { tenantId, owner } = await createPractice();
    let t = Date.now();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 120; i++) {
      // A new IP every time (a botnet), and past every growing delay: only the hourly cap stops it.
      outcomes.push(await attempt(owner.email, WRONG, t, ip(1000 + i)));
      t += PAST_ANY_DELAY;
    }
    const evaluated = outcomes.filter((o) => o === "evaluated").length;
    expect(evaluated).toBe(ACCOUNT_FAILURES_PER_HOUR);
    expect(await countAudit(tenantId, "auth.login_failed")).toBe(ACCOUNT_FAILURES_PER_HOUR);
    const last = outcomes.at(-1);
    if (last === undefined || last === "evaluated") throw new Error("expected a 429");
    expect(last.retryAfter).toBeGreaterThan(MAX_DELAY_SECONDS);
    expect(last.retryAfter).toBeLessThanOrEqual(3600);
    const response = problemResponse(last.error, "req-1");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(String(last.retryAfter));

    // Even the right password waits now...
    await expect(
      logIn({ email: owner.email, password: TEST_PASSWORD }, { ip: ip(2000) }, { now: t }),
    ).rejects.toBeInstanceOf(TooManyRequests);
    // ...but the owner got exactly one unlock email.
    const mails = (await listDevMailbox({ to: owner.email })).filter((m) => m.tag === "auth.account-unlock");
    expect(mails).toHaveLength(1);
    const token = /\/unlock\?token=([A-Za-z0-9_-]+)/.exec(mails[0]?.text ?? "")?.[1] ?? "";
    expect(await redeemUnlockToken(token)).toEqual({ email: owner.email });
    const session = await logIn(
      { email: owner.email, password: TEST_PASSWORD },
      { ip: ip(2000) },
      { now: t },
    );
    expect(session.token).toBeTruthy();
    await expect(redeemUnlockToken(token)).rejects.toThrow(UNLOCK_INVALID);
    expect(await countAudit(tenantId, "auth.account_unlocked")).toBe(1);
  });

  it("caps failures per IP across accounts", async () => {
    const from = ip(3000);
    const t = Date.now();
    for (let i = 0; i < IP_FAILURES_PER_WINDOW; i++) {
      expect(await attempt(`stuffing-${net}-${i}@example.test`, WRONG, t, from)).toBe("evaluated");
    }
    const refused = await attempt(`stuffing-${net}-last@example.test`, WRONG, t, from);
    expect(refused).not.toBe("evaluated");
    expect((refused as { error: Error }).error.message).toMatch(/from your network/);
    // The account itself was not charged for the refusal, and another address is unaffected.
    expect(await attempt(`stuffing-${net}-last@example.test`, WRONG, t, ip(3001))).toBe("evaluated");
  });

  it("guards MFA codes with the same limiter", async () => {
    const { owner } = await createPractice();
    const user = { id: owner.userId, email: owner.email };
    const { secret } = await startMfaEnrolment(user);
    const t0 = Date.now();
    await confirmMfaEnrolment(user, generateTotpCode(secret, t0), { now: t0 });
    const device = { ip: ip(4000) };
    const { token } = await logIn({ email: owner.email, password: TEST_PASSWORD }, device);
    const t = t0 + 60_000;
    const window = [-1, 0, 1].map((o) => generateTotpCode(secret, t + o * 30_000));
    const wrong = ["111111", "222222", "333333", "444444"].find((c) => !window.includes(c)) ?? "";
    for (let i = 0; i < 3; i++) {
      await expect(completeMfaChallenge(token, wrong, device, { now: t })).rejects.toThrow(WRONG_CODE);
    }
    const refused = await completeMfaChallenge(token, window[1] ?? "", device, { now: t }).catch((e) => e);
    expect(refused).toBeInstanceOf(TooManyRequests);
    const later = t + 1000;
    const passed = await completeMfaChallenge(token, generateTotpCode(secret, later), device, { now: later });
    expect(passed.method).toBe("totp");
  });
});
