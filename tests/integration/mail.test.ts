import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, withTenant } from "@/lib/db";
import { listDevMailbox, mailer, smtpMailer } from "@/lib/mail";
import { logger } from "@/lib/observability";
import { createPractice, unique } from "../support/factory";

type Received = { from: string; to: string[]; raw: string; user?: string; password?: string };

const received: Received[] = [];
let server: SMTPServer;
let port: number;
const originalSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // Plain SMTP on localhost: no certificate to trust in the test.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: `${auth.username}:${auth.password}` });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const [user, password] = String(session.user ?? "").split(":");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          ...(user ? { user, password } : {}),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(() => {
  if (originalSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtp;
  resetConfigForTests();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeDatabase();
});

/** The value of a header (unfolded), enough for Subject/To/From in these tests. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r\n\r\n/)[0]?.replace(/\r\n[ \t]+/g, " ") ?? "";
  return head
    .split("\r\n")
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

describe("SMTP mailer", () => {
  it("is chosen when SMTP_URL is set, and delivers recipient, subject, text and html to a real SMTP server", async () => {
    process.env.SMTP_URL = `smtp://boka:s3cret@127.0.0.1:${port}`;
    resetConfigForTests();
    const m = mailer();
    expect(m.kind).toBe("smtp");
    const info = vi.spyOn(logger, "info");
    const to = `${unique("smtp")}@example.test`;
    const sent = await m.send({
      to,
      subject: "Reset your password",
      text: "Your reset code is RESET-123456",
      html: "<p>Your reset code is <b>RESET-123456</b></p>",
      tag: "auth.password-reset",
    });
    expect(sent.id).toMatch(/@/);
    const message = received.find((r) => r.to.includes(to));
    expect(message).toBeDefined();
    expect(message).toMatchObject({ from: "no-reply@boka.local", user: "boka", password: "s3cret" });
    expect(header(message?.raw ?? "", "Subject")).toBe("Reset your password");
    expect(header(message?.raw ?? "", "To")).toBe(to);
    expect(header(message?.raw ?? "", "From")).toBe("Boka <no-reply@boka.local>");
    expect(header(message?.raw ?? "", "X-Boka-Tag")).toBe("auth.password-reset");
    expect(message?.raw).toContain("Your reset code is RESET-123456");
    expect(message?.raw).toContain("<b>RESET-123456</b>");
    // Logs carry the tag, never the token or the subject.
    expect(JSON.stringify(info.mock.calls)).not.toMatch(/RESET-123456|Reset your password/);
    expect(JSON.stringify(info.mock.calls)).toContain("auth.password-reset");
  });

  it("uses the configured From and sends text-only mail", async () => {
    const to = `${unique("plain")}@example.test`;
    await smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "Harbor <hello@harbor.test>" }).send({
      to,
      subject: "Booking confirmed",
      text: "See you on Tuesday.",
      tag: "booking.confirmed",
    });
    const message = received.find((r) => r.to.includes(to));
    expect(message?.from).toBe("hello@harbor.test");
    expect(message?.user).toBeUndefined();
    expect(header(message?.raw ?? "", "Content-Type")).toMatch(/^text\/plain/);
    expect(message?.raw).toContain("See you on Tuesday.");
  });

  it("refuses invalid messages before anything is sent", async () => {
    const m = smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "a@b.test" });
    const before = received.length;
    const base = { to: "x@example.test", subject: "Hi", text: "t", tag: "test" };
    await expect(m.send({ ...base, subject: "Hi\r\nBcc: victim@example.test" })).rejects.toThrow();
    await expect(m.send({ ...base, to: "not an address" })).rejects.toThrow();
    await expect(m.send({ ...base, tag: "Has Spaces" })).rejects.toThrow();
    expect(received.length).toBe(before);
  });
});

describe("dev mailbox", () => {
  it("is the default mailer; stores messages and lists them newest first, filtered by recipient", async () => {
    delete process.env.SMTP_URL;
    resetConfigForTests();
    const m = mailer();
    expect(m.kind).toBe("dev-mailbox");
    const practice = await createPractice();
    const to = `${unique("inbox")}@example.test`;
    await m.send({ to, subject: "First", text: "one", tag: "test.first" });
    await m.send({
      to,
      subject: "Second",
      text: "two",
      html: "<p>two</p>",
      tag: "test.second",
      tenantId: practice.tenantId,
    });
    await m.send({ to: `${unique("other")}@example.test`, subject: "Elsewhere", text: "x", tag: "test" });

    const mine = await listDevMailbox({ to: to.toUpperCase(), limit: 10 });
    expect(mine.map((r) => r.subject)).toEqual(["Second", "First"]);
    expect(mine[0]).toMatchObject({
      to,
      text: "two",
      html: "<p>two</p>",
      tag: "test.second",
      tenantId: practice.tenantId,
    });
    expect(mine[0]?.createdAt).toBeInstanceOf(Date);
    expect(mine[1]).toMatchObject({ html: null, tenantId: null });
    expect(await listDevMailbox({ limit: 1 })).toHaveLength(1);
  });

  it("is invisible to API roles: anon and a practice owner read nothing", async () => {
    const practice = await createPractice();
    await mailer().send({
      to: practice.owner.email,
      subject: "Secret",
      text: "token",
      tag: "test",
      tenantId: practice.tenantId,
    });
    for (const actor of [{ kind: "anon" } as const, practice.owner.actor]) {
      const rows = await withTenant(actor, (tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from public.dev_mailbox`),
      ).catch(() => "refused" as const);
      expect(rows === "refused" ? 0 : rows.rows[0]?.n).toBe(0);
    }
  });
});
