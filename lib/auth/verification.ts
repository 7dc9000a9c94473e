/**
 * Email verification (a single-use link, 24 hours) and what it unlocks: an owner may publish the
 * practice's booking page only with a verified address. Unverified owners use the dashboard as usual.
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { recordAudit, recordAuditForUser } from "@/lib/audit";
import { type Actor, pgError, tables, withSystem, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { logger } from "@/lib/observability";
import { assertCan } from "./permissions";
import { consumeToken, INVALID_LINK, issueToken, throttleMail, throttleTokenUse, tokenLink } from "./tokens";

const { users, tenants } = tables;

type Options = { ip?: string | null; now?: Date };

/** Mails a fresh link (older ones stop working); false when the address is verified already. */
export async function sendVerificationEmail(userId: string, options: Options = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const issued = await withSystem("issue an email verification token", async (tx) => {
    const [user] = await tx
      .select({ email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new NotFound("Account not found");
    if (user.verifiedAt) return null;
    const token = await issueToken(tx, { purpose: "verify_email", userId, email: user.email, now });
    return { ...user, token };
  });
  if (!issued) return false;
  await mailer().send({
    to: issued.email,
    subject: "Confirm your email address for Boka",
    text: `Hello ${issued.name},\n\nPlease confirm that this is your email address by opening this link within 24 hours:\n\n${tokenLink(
      "/verify",
      issued.token,
    )}\n\nOnce it is confirmed you can publish your booking page. If you did not create a Boka account, ignore this email.`,
    tag: "auth.verify-email",
  });
  return true;
}

/** After sign-up: a mail failure must not undo the new practice; the banner offers to resend. */
export async function sendVerificationEmailAfterSignUp(userId: string): Promise<void> {
  try {
    await sendVerificationEmail(userId);
  } catch (err) {
    logger.error({ err, userId }, "verification email after sign-up failed");
  }
}

/** The "resend" button: at most 5 mails an hour per user. */
export async function resendVerificationEmail(userId: string, options: Options = {}): Promise<boolean> {
  await throttleMail("verify", userId);
  return sendVerificationEmail(userId, options);
}

/** Marks the address verified if the link is live and still for the account's current address. */
export async function verifyEmail(token: string, options: Options = {}): Promise<{ userId: string }> {
  const now = options.now ?? new Date();
  return throttleTokenUse(options.ip, () =>
    withSystem("verify an email address", async (tx) => {
      const { userId, email } = await consumeToken(tx, "verify_email", token, now);
      const [user] = await tx
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
        .where(and(eq(users.id, userId), eq(users.email, email)))
        .returning({ id: users.id });
      // The address changed since the link was sent: the link is spent.
      if (!user) throw new NotFound(INVALID_LINK);
      await recordAuditForUser(tx, userId, {
        action: "auth.email_verified",
        details: { email },
        ip: options.ip,
      });
      return { userId };
    }),
  );
}

type MemberActor = Extract<Actor, { kind: "member" }>;

export type BookingPageStatus = { publishedAt: Date | null; emailVerified: boolean };

export async function bookingPageStatus(actor: MemberActor): Promise<BookingPageStatus> {
  return withTenant(actor, async (tx) => {
    const [tenant] = await tx
      .select({ publishedAt: tenants.publishedAt })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId));
    const [user] = await tx
      .select({ verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.userId));
    if (!tenant) throw new NotFound("Practice not found");
    return { publishedAt: tenant.publishedAt, emailVerified: Boolean(user?.verifiedAt) };
  });
}

export const VERIFY_BEFORE_PUBLISHING = "Confirm your email address before publishing your booking page.";

/** Owners only, with a verified address (a trigger insists on a verified owner too). */
export async function publishBookingPage(actor: Actor, options: Options = {}): Promise<Date> {
  assertCan(actor, "settings.manage");
  const now = options.now ?? new Date();
  try {
    return await withTenant(actor, async (tx) => {
      const [me] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, actor.userId), isNotNull(users.emailVerifiedAt)));
      if (!me) throw new ValidationFailed(VERIFY_BEFORE_PUBLISHING);
      const [row] = await tx
        .update(tenants)
        .set({ publishedAt: now })
        .where(and(eq(tenants.id, actor.tenantId), isNull(tenants.publishedAt)))
        .returning({ publishedAt: tenants.publishedAt });
      if (!row?.publishedAt) {
        const [current] = await tx
          .select({ publishedAt: tenants.publishedAt })
          .from(tenants)
          .where(eq(tenants.id, actor.tenantId));
        return current?.publishedAt ?? now;
      }
      await recordAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "tenant.published",
        targetType: "tenant",
        targetId: actor.tenantId,
        ip: options.ip,
      });
      return row.publishedAt;
    });
  } catch (error) {
    if (pgError(error)?.constraint === "tenants_publish_requires_verified_owner") {
      throw new ValidationFailed(VERIFY_BEFORE_PUBLISHING);
    }
    throw error;
  }
}

/** Takes the booking page offline; existing bookings stay. */
export async function unpublishBookingPage(actor: Actor, options: Options = {}): Promise<void> {
  assertCan(actor, "settings.manage");
  await withTenant(actor, async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({ publishedAt: null })
      .where(and(eq(tenants.id, actor.tenantId), isNotNull(tenants.publishedAt)))
      .returning({ id: tenants.id });
    if (!row) return;
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "tenant.unpublished",
      targetType: "tenant",
      targetId: actor.tenantId,
      ip: options.ip,
    });
  });
}
