/**
 * Forgotten passwords: a single-use link valid for one hour. Resetting sets the password, signs the
 * user out everywhere and tells the address, and never signs anyone in: the login page (and MFA, if
 * on) comes next.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditForUser } from "@/lib/audit";
import { tables, withSystem } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { Email } from "@/lib/tenants/fields";
import { revokeUserSessions } from "../account";
import { forgetCachedSessions } from "../sessions";
import {
  consumeToken,
  INVALID_LINK,
  issueToken,
  TokenString,
  throttleMail,
  throttleTokenUse,
  tokenLink,
} from "../tokens";
import { hashPassword, NewPassword } from "./hashing";

const { users } = tables;

type Options = { ip?: string | null; now?: Date };

export const ResetRequestInput = z.object({ email: Email });
export type ResetRequestInput = z.infer<typeof ResetRequestInput>;

/**
 * Mails a reset link if the address has an account. The caller says the same thing either way, and
 * the limits (per address and per IP) apply whether or not the account exists.
 */
export async function requestPasswordReset(input: ResetRequestInput, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  await throttleMail("reset-ip", `ip:${options.ip ?? "unknown"}`, 20);
  await throttleMail("reset", input.email, 3);
  const issued = await withSystem("password reset looks up the account by email", async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.email, input.email));
    if (!user) return null;
    const token = await issueToken(tx, {
      purpose: "reset_password",
      userId: user.id,
      email: user.email,
      now,
    });
    return { ...user, token };
  });
  if (!issued) return;
  await mailer().send({
    to: issued.email,
    subject: "Reset your Boka password",
    text: `Hello ${issued.name},\n\nTo choose a new password, open this link within one hour:\n\n${tokenLink(
      "/reset",
      issued.token,
    )}\n\nIf you did not ask for this, ignore this email: your password stays as it is.`,
    tag: "auth.password-reset",
  });
}

export const ResetPasswordInput = z.object({ token: TokenString, password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/** Sets the new password and ends every session of the user; returns the address it was for. */
export async function resetPassword(
  input: ResetPasswordInput,
  options: Options = {},
): Promise<{ email: string }> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  const user = await throttleTokenUse(options.ip, () =>
    withSystem("reset a password with an emailed token", async (tx) => {
      const { userId, email } = await consumeToken(tx, "reset_password", input.token, now);
      // The link reached this mailbox, which verifies the address if nothing had yet.
      const [row] = await tx
        .update(users)
        .set({
          passwordHash,
          emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(eq(users.id, userId))
        .returning({ email: users.email, name: users.name });
      // The account's address changed since the link was sent: the old mailbox no longer speaks for it.
      if (!row || row.email.toLowerCase() !== email.toLowerCase()) throw new NotFound(INVALID_LINK);
      const revoked = await revokeUserSessions(tx, userId);
      await recordAuditForUser(tx, userId, {
        action: "auth.password_reset",
        details: { sessions_revoked: revoked.length },
        ip: options.ip,
      });
      return { ...row, revoked };
    }),
  );
  await forgetCachedSessions(user.revoked);
  await mailer().send({
    to: user.email,
    subject: "Your Boka password was reset",
    text: `Hello ${user.name},\n\nThe password of your Boka account was just reset, and every device signed in to it was signed out.\n\nIf this wasn't you, reset your password again straight away and tell your practice's owner.`,
    tag: "auth.password-reset-done",
  });
  return { email: user.email };
}
