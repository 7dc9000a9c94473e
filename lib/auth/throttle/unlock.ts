import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAuditForUser } from "@/lib/audit";
import { config } from "@/lib/config";
import { tables, withSystem } from "@/lib/db";
import { TooManyRequests, ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { logger, metrics } from "@/lib/observability";
import { beginAttempt, clearAccountThrottle, normalizeAccount, type ThrottleSubject } from "./attempts";

/**
 * The way back in for an account an attacker has throttled: when the account spends its hourly cap,
 * its owner gets ONE email with a single-use link (1 hour; only a SHA-256 is stored). Following it
 * clears the account's throttle, so an attacker can slow an owner down but never lock them out for good.
 */

const { users, accountUnlockTokens } = tables;
const UNLOCK_MINUTES = 60;
export const UNLOCK_INVALID = "This unlock link is invalid, used or expired";

const hash = (token: string) => createHash("sha256").update(token).digest();

/** Emails an unlock link unless an unused one is still valid. Unknown accounts get nothing (silently). */
export async function offerUnlock(account: string, ip?: string | null): Promise<void> {
  const email = normalizeAccount(account);
  const token = randomBytes(32).toString("base64url");
  const user = await withSystem("account hit its attempt cap: issue one unlock link", async (tx) => {
    // The user row lock serializes concurrent offers, so at most one link is live at a time.
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.email, email))
      .for("update");
    if (!user) return null;
    const [live] = await tx
      .select({ userId: accountUnlockTokens.userId })
      .from(accountUnlockTokens)
      .where(
        and(
          eq(accountUnlockTokens.userId, user.id),
          isNull(accountUnlockTokens.usedAt),
          gt(accountUnlockTokens.expiresAt, new Date()),
        ),
      );
    if (live) return null;
    await tx.insert(accountUnlockTokens).values({
      tokenHash: hash(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + UNLOCK_MINUTES * 60_000),
    });
    // The attempts were not necessarily the user's: no actor, the user is the target.
    await recordAuditForUser(tx, user.id, {
      action: "auth.account_throttled",
      actorUserId: null,
      targetType: "user",
      targetId: user.id,
      ip,
    });
    return user;
  });
  if (!user) return;
  const link = new URL(`/unlock?token=${token}`, config().APP_URL).toString();
  await mailer().send({
    to: user.email,
    subject: "Unusual sign-in activity on your Boka account",
    tag: "auth.account-unlock",
    text: [
      "Someone has tried to sign in to your Boka account many times with the wrong password or code,",
      "so sign-ins are paused for up to an hour.",
      "",
      `If that was you, or to get back in now, open this link within ${UNLOCK_MINUTES} minutes (it works once):`,
      link,
      "",
      "If it was not you, your account is safe, but consider choosing a new password after you log in.",
    ].join("\n"),
  });
}

/** Spends an unlock link and lifts the account's throttle. Returns the account's email. */
export async function redeemUnlockToken(token: string, ip?: string | null): Promise<{ email: string }> {
  const invalid = () => new ValidationFailed(UNLOCK_INVALID, [{ field: "token", message: UNLOCK_INVALID }]);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid();
  const email = await withSystem("redeem an account unlock link", async (tx) => {
    const [used] = await tx
      .update(accountUnlockTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(accountUnlockTokens.tokenHash, hash(token)),
          isNull(accountUnlockTokens.usedAt),
          gt(accountUnlockTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: accountUnlockTokens.userId });
    if (!used) return null;
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, used.userId));
    await recordAuditForUser(tx, used.userId, { action: "auth.account_unlocked", ip });
    return user?.email ?? null;
  });
  if (!email) throw invalid();
  await clearAccountThrottle(email);
  return { email };
}

/** `reason` lets a caller say which of several credentials was wrong. */
export type CheckOutcome<T> = { ok: true; value: T } | { ok: false; reason?: string };

/**
 * Runs one credential check (password, TOTP or backup code) under the throttle: refused early with a
 * 429 when the account or IP must wait; a wrong credential counts, and the failure that spends the
 * account's hourly cap sends the unlock email. An unexpected error settles nothing (the point stays spent).
 */
export async function throttledCheck<T>(
  subject: ThrottleSubject,
  check: () => Promise<CheckOutcome<T>>,
  now = Date.now(),
): Promise<CheckOutcome<T>> {
  const attempt = await beginAttempt(subject, now).catch((error: unknown) => {
    if (error instanceof TooManyRequests) metrics().loginThrottled.inc();
    throw error;
  });
  const outcome = await check();
  if (outcome.ok) {
    await attempt.succeeded();
    return outcome;
  }
  metrics().loginFailures.inc();
  const { accountCapped } = await attempt.failed();
  if (accountCapped) {
    // Not awaited: the answer must not take longer for a real account than for an unknown email (and
    // must not wait on, or fail with, the mail server).
    void offerUnlock(subject.account, subject.ip).catch((err: unknown) =>
      logger.error({ err }, "could not send the account unlock email"),
    );
  }
  return outcome;
}
