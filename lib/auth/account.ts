/**
 * A signed-in user's own credentials: change password (current one required; other devices signed
 * out) and change email (confirmed from the new address; the old one is told). Passwords and tokens
 * live outside every API role's grants, so these run on the system path after checking the password.
 */
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAuditForUser } from "@/lib/audit";
import { isUniqueViolation, type Tx, tables, withSystem } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { createLimiter, enforce } from "@/lib/rate-limit";
import { Email } from "@/lib/tenants/fields";
import { hashPassword, NewPassword, verifyPassword } from "./password/hashing";
import { forgetCachedSessions } from "./sessions";
import { consumeToken, INVALID_LINK, issueToken, throttleMail, throttleTokenUse, tokenLink } from "./tokens";

const { users, userSessions } = tables;

type Options = { ip?: string | null; now?: Date };

/**
 * Deletes a user's sessions (all, or all but one) and returns their token digests, so the caller can
 * drop the cached copies once the transaction commits (forgetCachedSessions). Should that fail, a cached
 * copy lives at most 60 s: resolveSession re-reads the row once a minute and ends a session whose row is gone.
 */
export async function revokeUserSessions(
  tx: Tx,
  userId: string,
  exceptSessionId?: string,
): Promise<Buffer[]> {
  const where = exceptSessionId
    ? and(eq(userSessions.userId, userId), ne(userSessions.id, exceptSessionId))
    : eq(userSessions.userId, userId);
  const rows = await tx.delete(userSessions).where(where).returning({ tokenHash: userSessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}

const CurrentPassword = z
  .string({ error: "Enter your current password" })
  .min(1, "Enter your current password")
  .max(256);

// Someone at an unlocked computer must not be able to guess the current password at leisure.
const CURRENT_PASSWORD_GUESSES = { keyPrefix: "auth-current-password", points: 10, durationSeconds: 900 };

async function checkCurrentPassword(userId: string, password: string) {
  const limiter = createLimiter(CURRENT_PASSWORD_GUESSES);
  await enforce(limiter, `user:${userId}`, { message: "Too many attempts. Please wait and try again." });
  const [user] = await withSystem("account reads the user's password hash", (tx) =>
    tx
      .select({ email: users.email, name: users.name, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId)),
  );
  if (!user) throw new NotFound("Account not found");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    const message = "Your current password is incorrect";
    throw new ValidationFailed(message, [{ field: "currentPassword", message }]);
  }
  await limiter.reward(`user:${userId}`).catch(() => {});
  return user;
}

export const ChangePasswordInput = z.object({ currentPassword: CurrentPassword, newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** Needs the current password; every other session of the user ends, the one in use stays. */
export async function changePassword(
  userId: string,
  input: ChangePasswordInput,
  options: { sessionId?: string; ip?: string | null },
): Promise<{ revokedSessions: number }> {
  const user = await checkCurrentPassword(userId, input.currentPassword);
  if (input.currentPassword === input.newPassword) {
    const message = "Choose a password different from the current one";
    throw new ValidationFailed(message, [{ field: "newPassword", message }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await withSystem("change password and sign out other devices", async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    const hashes = await revokeUserSessions(tx, userId, options.sessionId);
    await recordAuditForUser(tx, userId, {
      action: "auth.password_changed",
      details: { other_sessions_revoked: hashes.length },
      ip: options.ip,
    });
    return hashes;
  });
  await forgetCachedSessions(revoked);
  await mailer().send({
    to: user.email,
    subject: "Your Boka password was changed",
    text: `Hello ${user.name},\n\nThe password of your Boka account was just changed${
      revoked.length ? ", and your other devices were signed out" : ""
    }.\n\nIf this wasn't you, reset your password straight away and tell your practice's owner.`,
    tag: "auth.password-changed",
  });
  return { revokedSessions: revoked.length };
}

export const ChangeEmailInput = z.object({ newEmail: Email, currentPassword: CurrentPassword });
export type ChangeEmailInput = z.infer<typeof ChangeEmailInput>;

const EMAIL_TAKEN = "Another account already uses this address";

/** Sends a confirmation link to the new address and a notice to the old; nothing changes until confirmed. */
export async function requestEmailChange(
  userId: string,
  input: ChangeEmailInput,
  options: Options = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const user = await checkCurrentPassword(userId, input.currentPassword);
  if (user.email.toLowerCase() === input.newEmail) {
    const message = "This is already your email address";
    throw new ValidationFailed(message, [{ field: "newEmail", message }]);
  }
  await throttleMail("change-email", userId);
  const token = await withSystem("email change issues a confirmation token", async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.newEmail));
    if (taken) throw new ValidationFailed(EMAIL_TAKEN, [{ field: "newEmail", message: EMAIL_TAKEN }]);
    await recordAuditForUser(tx, userId, {
      action: "auth.email_change_requested",
      details: { to: input.newEmail },
      ip: options.ip,
    });
    return issueToken(tx, { purpose: "change_email", userId, email: input.newEmail, now });
  });
  await mailer().send({
    to: input.newEmail,
    subject: "Confirm your new email address for Boka",
    text: `Hello ${user.name},\n\nTo use this address for your Boka account, open this link within 24 hours:\n\n${tokenLink(
      "/verify/email",
      token,
    )}\n\nUntil then your account keeps its current address. If you did not ask for this, ignore this email.`,
    tag: "auth.email-change-confirm",
  });
  await mailer().send({
    to: user.email,
    subject: "A change of your Boka email address was requested",
    text: `Hello ${user.name},\n\nSomeone signed in to your Boka account asked to change its email address to ${input.newEmail}. Nothing changes until the new address is confirmed.\n\nIf this wasn't you, change your password straight away.`,
    tag: "auth.email-change-requested",
  });
}

/** The link from the new mailbox proves control of it: the address changes and counts as verified. */
export async function confirmEmailChange(token: string, options: Options = {}): Promise<{ email: string }> {
  const now = options.now ?? new Date();
  const changed = await throttleTokenUse(options.ip, async () => {
    try {
      return await withSystem("confirm an email change", async (tx) => {
        const { userId, email } = await consumeToken(tx, "change_email", token, now);
        const [before] = await tx
          .select({ email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, userId));
        if (!before) throw new NotFound(INVALID_LINK);
        await tx.update(users).set({ email, emailVerifiedAt: now }).where(eq(users.id, userId));
        await recordAuditForUser(tx, userId, {
          action: "auth.email_changed",
          details: { from: before.email, to: email },
          ip: options.ip,
        });
        return { ...before, newEmail: email };
      });
    } catch (error) {
      if (isUniqueViolation(error, "users_email_key")) {
        throw new ValidationFailed(EMAIL_TAKEN, [{ field: "form", message: EMAIL_TAKEN }]);
      }
      throw error;
    }
  });
  await mailer().send({
    to: changed.email,
    subject: "Your Boka email address was changed",
    text: `Hello ${changed.name},\n\nYour Boka account now uses ${changed.newEmail}; mail will no longer come to this address.\n\nIf this wasn't you, contact your practice's owner straight away.`,
    tag: "auth.email-changed",
  });
  return { email: changed.newEmail };
}
