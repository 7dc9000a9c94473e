/**
 * An attacker guessing an owner's password (defects 2 and 3): bursts cannot skip the growing delay,
 * and cannot lock the owner out of a browser they have signed in with before (OWASP device cookies).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_FAILURES_PER_HOUR,
  DEVICE_FAILURES_PER_HOUR,
  FREE_FAILURES,
  issueDeviceToken,
  LOGIN_FAILED,
  logIn,
  MAX_DELAY_SECONDS,
} from "@/lib/auth";
import { closeDatabase, connection } from "@/lib/db";
import { TooManyRequests, ValidationFailed } from "@/lib/errors";
import { createPractice, TEST_PASSWORD } from "../support/factory";

// Open (and, embedded, migrate) the database in a hook, whose timeout allows a cold start.
beforeAll(() => connection());
afterAll(closeDatabase);

// Fresh documentation-range IPs per run: with Redis, per-IP counts outlive the test process.
const net = randomBytes(4).toString("hex");
let hosts = 0;
const freshIp = () => `2001:db8:${net.slice(0, 4)}:${net.slice(4)}::${(++hosts).toString(16)}`;
const WRONG = "definitely not the password";
const PAST_ANY_DELAY = (MAX_DELAY_SECONDS + 1) * 1000;

type Outcome = "evaluated" | "signed in" | "429";

async function attempt(
  email: string,
  password: string,
  now: number,
  options: { ip?: string; deviceToken?: string } = {},
): Promise<Outcome> {
  try {
    await logIn(
      { email, password },
      { ip: options.ip ?? freshIp() },
      { now, deviceToken: options.deviceToken },
    );
    return "signed in";
  } catch (error) {
    if (error instanceof ValidationFailed && error.message === LOGIN_FAILED) return "evaluated";
    if (error instanceof TooManyRequests) return "429";
    throw error;
  }
}

const count = (outcomes: Outcome[], what: Outcome) => outcomes.filter((o) => o === what).length;

describe("parallel bursts (defect 3)", () => {
  it("200 parallel wrong passwords: only the free attempts are checked, none during the delay", async () => {
    const { owner } = await createPractice();
    const now = Date.now();
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => attempt(owner.email, WRONG, now)));
    expect(count(outcomes, "evaluated")).toBe(FREE_FAILURES);
    expect(count(outcomes, "429")).toBe(200 - FREE_FAILURES);
  }, 120_000);
});

describe("device cookies (defect 2)", () => {
  it("an attacker's bursts lock unknown devices out, but not the owner on a browser they signed in with", async () => {
    const { owner } = await createPractice();
    let t = Date.now();
    const first = await logIn({ email: owner.email, password: TEST_PASSWORD }, { ip: freshIp() }, { now: t });
    const deviceToken = first.deviceCookie?.token;
    expect(deviceToken).toBeTruthy();

    // The attack: bursts from ever new addresses, waiting out every delay, for more than an hour's cap.
    const attack: Outcome[] = [];
    for (let round = 0; round < 6; round++) {
      attack.push(...(await Promise.all(Array.from({ length: 30 }, () => attempt(owner.email, WRONG, t)))));
      t += PAST_ANY_DELAY;
      for (let i = 0; i < 20; i++, t += PAST_ANY_DELAY) attack.push(await attempt(owner.email, WRONG, t));
    }
    // Unknown devices together: at most the account's hourly cap of evaluated failures.
    expect(count(attack, "evaluated")).toBe(ACCOUNT_FAILURES_PER_HOUR);
    expect(count(attack, "signed in")).toBe(0);

    // The shared budget is spent: even the right password from an unknown browser waits...
    expect(await attempt(owner.email, TEST_PASSWORD, t)).toBe("429");
    // ...and another account's device cookie is no key to this one.
    const stranger = issueDeviceToken("someone-else@example.test", t).token;
    expect(await attempt(owner.email, TEST_PASSWORD, t, { deviceToken: stranger })).toBe("429");

    // The owner's own browser still gets in, mistyping first like people do.
    expect(await attempt(owner.email, WRONG, t, { deviceToken })).toBe("evaluated");
    expect(await attempt(owner.email, TEST_PASSWORD, t, { deviceToken })).toBe("signed in");
  }, 120_000);

  it("a device that spends its own budget is trusted no more than any other", async () => {
    const { owner } = await createPractice();
    let t = Date.now();
    const { token: deviceToken } = issueDeviceToken(owner.email, t);
    const own: Outcome[] = [];
    for (let i = 0; i < DEVICE_FAILURES_PER_HOUR; i++, t += PAST_ANY_DELAY) {
      own.push(await attempt(owner.email, WRONG, t, { deviceToken }));
    }
    expect(count(own, "evaluated")).toBe(DEVICE_FAILURES_PER_HOUR);
    // Past its cap the device spends the shared budget, which is untouched here, so it still works...
    expect(await attempt(owner.email, WRONG, t, { deviceToken })).toBe("evaluated");
    // ...and the shared budget's growing delay now applies to it as to everyone else.
    expect(await attempt(owner.email, WRONG, t, { deviceToken })).toBe("evaluated");
    expect(await attempt(owner.email, WRONG, t, { deviceToken })).toBe("evaluated");
    expect(await attempt(owner.email, TEST_PASSWORD, t, { deviceToken })).toBe("429");
  });

  it("a tampered or expired device cookie counts as an unknown device", async () => {
    const { owner } = await createPractice();
    const t = Date.now();
    const { token } = issueDeviceToken(owner.email, t - 400 * 86_400_000);
    const tampered = `${issueDeviceToken(owner.email, t).token.slice(0, -2)}AA`;
    for (let i = 0; i < FREE_FAILURES; i++) expect(await attempt(owner.email, WRONG, t)).toBe("evaluated");
    expect(await attempt(owner.email, TEST_PASSWORD, t, { deviceToken: token })).toBe("429");
    expect(await attempt(owner.email, TEST_PASSWORD, t, { deviceToken: tampered })).toBe("429");
  });
});
