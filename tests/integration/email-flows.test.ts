/**
 * Verification, password reset, change of email and an invitation, end to end at the lib level, with
 * the mail read from a real SMTP server on localhost (SMTP_URL points at it for this whole file).
 */
import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  bookingPageStatus,
  changePassword,
  confirmEmailChange,
  publishBookingPage,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
  verifyPassword,
} from "@/lib/auth";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { NotFound, TooManyRequests, ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { logger } from "@/lib/observability";
import { acceptInvitation, describeInvitation, inviteMember } from "@/lib/tenants";
import { createPractice, TEST_PASSWORD, unique } from "../support/factory";

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;
const originalSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  resetConfigForTests();
  expect(mailer().kind).toBe("smtp");
});

afterAll(async () => {
  if (originalSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtp;
  resetConfigForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeDatabase();
});

/** The newest message to `to` with the given X-Boka-Tag, its text body decoded. */
function mailTo(to: string, tag: string): { subject: string; text: string } {
  const message = received.findLast(
    (m) => m.to.includes(to.toLowerCase()) && new RegExp(`^X-Boka-Tag: ${tag}\\r?$`, "mi").test(m.raw),
  );
  if (!message) throw new Error(`no ${tag} mail to ${to}`);
  const [head = "", ...rest] = message.raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  const headers = head.replace(/\r\n[ \t]+/g, " ");
  const encoding = /^Content-Transfer-Encoding: (.+)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? body
          .replace(/=\r\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { subject: /^Subject: (.+)$/im.exec(headers)?.[1] ?? "", text };
}

function linkToken(text: string, path: string): string {
  const match = new RegExp(`http://localhost:3000${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

const HOUR = 3_600_000;
/**
 * A fresh client address per use, so the per-IP token limit of one test (or of an earlier run, when the
 * counters live in Redis) does not touch another.
 */
const freshIp = () => `10.${[...randomBytes(3)].join(".")}`;

async function addSessions(userId: string, count: number): Promise<string[]> {
  const rows = await withSystem("test signs a user in on devices", (tx) =>
    tx
      .insert(tables.userSessions)
      .values(
        Array.from({ length: count }, () => ({
          userId,
          tokenHash: createHash("sha256").update(randomBytes(32)).digest(),
          expiresAt: new Date(Date.now() + 86_400_000),
        })),
      )
      .returning({ id: tables.userSessions.id }),
  );
  return rows.map((r) => r.id);
}

async function sessionIds(userId: string): Promise<string[]> {
  const rows = await withSystem("test lists sessions", (tx) =>
    tx
      .select({ id: tables.userSessions.id })
      .from(tables.userSessions)
      .where(eq(tables.userSessions.userId, userId)),
  );
  return rows.map((r) => r.id);
}

async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await withSystem("test reads the audit log", (tx) =>
    tx
      .select({ action: tables.auditLog.action })
      .from(tables.auditLog)
      .where(eq(tables.auditLog.tenantId, tenantId)),
  );
  return rows.map((r) => r.action);
}

describe("email verification after sign-up", () => {
  it("mails a link; the link verifies once, and only then may the owner publish the booking page", async () => {
    const practice = await createPractice();
    const ip = freshIp();
    const mail = mailTo(practice.owner.email, "auth.verify-email");
    expect(mail.subject).toBe("Confirm your email address for Boka");
    const token = linkToken(mail.text, "/verify");

    // Unverified: the dashboard works, publishing does not, and anonymous visitors see nothing.
    expect(await bookingPageStatus(practice.owner.actor)).toEqual({
      publishedAt: null,
      emailVerified: false,
    });
    await expect(publishBookingPage(practice.owner.actor)).rejects.toBeInstanceOf(ValidationFailed);
    await withSystem("test adds a public service", (tx) =>
      tx
        .insert(tables.services)
        .values({ tenantId: practice.tenantId, name: "Massage", durationMinutes: 60, currency: "GBP" }),
    );
    const anonView = () =>
      withTenant({ kind: "anon" }, async (tx) => ({
        tenants: (await tx.execute(sql`select id from public.tenants where id = ${practice.tenantId}`)).rows
          .length,
        services: (
          await tx.execute(sql`select id from public.services where tenant_id = ${practice.tenantId}`)
        ).rows.length,
      }));
    expect(await anonView()).toEqual({ tenants: 0, services: 0 });

    await verifyEmail(token, { ip });
    await expect(verifyEmail(token, { ip })).rejects.toBeInstanceOf(NotFound);
    expect((await bookingPageStatus(practice.owner.actor)).emailVerified).toBe(true);

    await publishBookingPage(practice.owner.actor, { ip });
    expect((await bookingPageStatus(practice.owner.actor)).publishedAt).toBeInstanceOf(Date);
    expect(await anonView()).toEqual({ tenants: 1, services: 1 });
    expect(await auditActions(practice.tenantId)).toEqual(
      expect.arrayContaining(["auth.email_verified", "tenant.published"]),
    );
  });

  it("a verification link expires after 24 hours, and only a digest of it is stored", async () => {
    const practice = await createPractice();
    const token = linkToken(mailTo(practice.owner.email, "auth.verify-email").text, "/verify");
    const [row] = await withSystem("test reads the token row", (tx) =>
      tx.select().from(tables.authTokens).where(eq(tables.authTokens.userId, practice.owner.userId)),
    );
    expect(row?.tokenHash.equals(createHash("sha256").update(token).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(token);
    const ip = freshIp();
    await expect(verifyEmail(token, { ip, now: new Date(Date.now() + 25 * HOUR) })).rejects.toBeInstanceOf(
      NotFound,
    );
    await verifyEmail(token, { ip, now: new Date(Date.now() + 23 * HOUR) });
  });
});

describe("password reset", () => {
  it("mails a one-hour link; the reset sets the password, signs out every device, tells the address and opens no session", async () => {
    const practice = await createPractice();
    const { email, userId } = practice.owner;
    await addSessions(userId, 2);
    const logged = [vi.spyOn(logger, "info"), vi.spyOn(logger, "debug"), vi.spyOn(logger, "warn")];

    await requestPasswordReset({ email }, { ip: freshIp() });
    const token = linkToken(mailTo(email, "auth.password-reset").text, "/reset");
    const ip = freshIp();
    await resetPassword({ token, password: "a brand new passphrase" }, { ip });

    const [user] = await withSystem("test reads the user", (tx) =>
      tx.select().from(tables.users).where(eq(tables.users.id, userId)),
    );
    expect(await verifyPassword(user?.passwordHash ?? "", "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(user?.passwordHash ?? "", TEST_PASSWORD)).toBe(false);
    expect(await sessionIds(userId)).toEqual([]);
    expect(mailTo(email, "auth.password-reset-done").subject).toBe("Your Boka password was reset");
    expect(await auditActions(practice.tenantId)).toContain("auth.password_reset");
    await expect(resetPassword({ token, password: "yet another passphrase" }, { ip })).rejects.toBeInstanceOf(
      NotFound,
    );
    // Tokens reach the mail and nowhere else.
    for (const spy of logged) expect(JSON.stringify(spy.mock.calls)).not.toContain(token);
    for (const spy of logged) spy.mockRestore();
  });

  it("a reset link expires after an hour, and a newer link replaces an older one", async () => {
    const practice = await createPractice();
    const { email } = practice.owner;
    const t0 = new Date();
    await requestPasswordReset({ email }, { ip: freshIp(), now: t0 });
    const first = linkToken(mailTo(email, "auth.password-reset").text, "/reset");
    const ip = freshIp();
    const late = new Date(t0.getTime() + 61 * 60_000);
    await expect(
      resetPassword({ token: first, password: "a brand new passphrase" }, { ip, now: late }),
    ).rejects.toBeInstanceOf(NotFound);
    await requestPasswordReset({ email }, { ip: freshIp(), now: t0 });
    const second = linkToken(mailTo(email, "auth.password-reset").text, "/reset");
    expect(second).not.toBe(first);
    await expect(
      resetPassword({ token: first, password: "a brand new passphrase" }, { ip, now: t0 }),
    ).rejects.toBeInstanceOf(NotFound);
    const inTime = new Date(t0.getTime() + 59 * 60_000);
    await resetPassword({ token: second, password: "a brand new passphrase" }, { ip, now: inTime });
  });

  it("an unknown address gets no mail and the same (silent) answer", async () => {
    const before = received.length;
    await expect(
      requestPasswordReset({ email: `${unique("nobody")}@example.test` }, { ip: freshIp() }),
    ).resolves.toBeUndefined();
    expect(received.length).toBe(before);
  });

  it("token guessing is throttled per IP: after 20 failures even a valid link waits", async () => {
    const practice = await createPractice();
    await requestPasswordReset({ email: practice.owner.email }, { ip: freshIp() });
    const token = linkToken(mailTo(practice.owner.email, "auth.password-reset").text, "/reset");
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      const guess = randomBytes(32).toString("base64url");
      await expect(
        resetPassword({ token: guess, password: "a brand new passphrase" }, { ip }),
      ).rejects.toBeInstanceOf(NotFound);
    }
    await expect(resetPassword({ token, password: "a brand new passphrase" }, { ip })).rejects.toBeInstanceOf(
      TooManyRequests,
    );
    await resetPassword({ token, password: "a brand new passphrase" }, { ip: freshIp() });
  });
});

describe("changing password and email", () => {
  it("a password change needs the current password and signs out the other devices only", async () => {
    const practice = await createPractice();
    const { userId, email } = practice.owner;
    const [current, other] = await addSessions(userId, 2);
    await expect(
      changePassword(
        userId,
        { currentPassword: "not my password", newPassword: "a brand new passphrase" },
        { sessionId: current },
      ),
    ).rejects.toMatchObject({ errors: [{ field: "currentPassword" }] });
    expect(await sessionIds(userId)).toHaveLength(2);

    const result = await changePassword(
      userId,
      { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" },
      { sessionId: current },
    );
    expect(result.revokedSessions).toBe(1);
    expect(await sessionIds(userId)).toEqual([current]);
    expect(await sessionIds(userId)).not.toContain(other);
    expect(mailTo(email, "auth.password-changed").subject).toBe("Your Boka password was changed");
    expect(await auditActions(practice.tenantId)).toContain("auth.password_changed");
  });

  it("an email change is confirmed from the new address, the old one is told, and the link works once", async () => {
    const practice = await createPractice();
    const { userId, email } = practice.owner;
    const newEmail = `${unique("moved")}@example.test`;
    await requestEmailChange(userId, { newEmail, currentPassword: TEST_PASSWORD }, { ip: freshIp() });
    expect(mailTo(email, "auth.email-change-requested").text).toContain(newEmail);
    const token = linkToken(mailTo(newEmail, "auth.email-change-confirm").text, "/verify/email");

    const readUser = async () =>
      (
        await withSystem("test reads the user", (tx) =>
          tx.select().from(tables.users).where(eq(tables.users.id, userId)),
        )
      )[0];
    expect((await readUser())?.email).toBe(email);

    const ip = freshIp();
    await confirmEmailChange(token, { ip });
    const after = await readUser();
    expect(after?.email).toBe(newEmail);
    expect(after?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(mailTo(email, "auth.email-changed").text).toContain(newEmail);
    await expect(confirmEmailChange(token, { ip })).rejects.toBeInstanceOf(NotFound);
    expect(await auditActions(practice.tenantId)).toEqual(
      expect.arrayContaining(["auth.email_change_requested", "auth.email_changed"]),
    );
  });

  it("refuses an address another account uses, and a wrong password", async () => {
    const a = await createPractice();
    const b = await createPractice();
    await expect(
      requestEmailChange(a.owner.userId, { newEmail: b.owner.email, currentPassword: TEST_PASSWORD }),
    ).rejects.toMatchObject({ errors: [{ field: "newEmail" }] });
    await expect(
      requestEmailChange(a.owner.userId, {
        newEmail: `${unique("x")}@example.test`,
        currentPassword: "wrong one",
      }),
    ).rejects.toMatchObject({ errors: [{ field: "currentPassword" }] });
  });
});

describe("invitation", () => {
  it("the invitee reads the SMTP mail, creates an account from the link and gets no session", async () => {
    const practice = await createPractice();
    const email = `${unique("newhire")}@example.test`;
    await inviteMember(practice.owner.actor, { email, role: "staff" });
    const mail = mailTo(email, "team.invitation");
    expect(mail.text).toContain(`Practice ${practice.slug}`);
    const token = linkToken(mail.text, "/invite");
    const ip = freshIp();
    expect(await describeInvitation(token, { ip })).toMatchObject({
      email,
      role: "staff",
      accountExists: false,
    });

    const { userId } = await acceptInvitation(
      token,
      { kind: "new", name: "New Hire", password: "a quiet river at dawn" },
      { ip },
    );
    const [membership] = await withSystem("test reads the membership", (tx) =>
      tx
        .select({ role: tables.memberships.role })
        .from(tables.memberships)
        .where(
          and(eq(tables.memberships.tenantId, practice.tenantId), eq(tables.memberships.userId, userId)),
        ),
    );
    expect(membership?.role).toBe("staff");
    expect(await sessionIds(userId)).toEqual([]);
    await expect(describeInvitation(token, { ip })).rejects.toBeInstanceOf(NotFound);
  });
});
