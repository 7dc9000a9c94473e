/**
 * A worker process killed between claim and completion (after its handler sent the mail): the event is
 * claimed again once the lease runs out, and the mail reaches a real SMTP server exactly once. Embedded:
 * the database is a PGlite directory the child opens while this process has it closed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase } from "@/lib/db";
import { startWorker } from "@/lib/events";
import { deliveriesOf, enqueueAs, outboxRow, settled } from "../support/events";
import { createPractice } from "../support/factory";
import { registerTestMailHandler, TEST_MAIL_TYPE } from "../support/mail-handler";

const received: string[] = [];
let server: SMTPServer;
const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), "boka-crash-"));
const saved = { smtp: process.env.SMTP_URL, db: process.env.EMBEDDED_DB_PATH };

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        // Sign-up sends its own verification mail; count only the handler's.
        if (/^X-Boka-Tag: test\.mail-once\r?$/m.test(raw)) received.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  if (dataDir) process.env.EMBEDDED_DB_PATH = dataDir;
  resetConfigForTests();
});

afterAll(async () => {
  await closeDatabase();
  process.env.SMTP_URL = saved.smtp;
  process.env.EMBEDDED_DB_PATH = saved.db;
  if (saved.smtp === undefined) delete process.env.SMTP_URL;
  resetConfigForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function runCrashingWorker(): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "tests/support/crash-worker.ts"],
    { env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "ignore", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the crashing worker never crashed"));
    }, 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe("a worker that dies mid-delivery", () => {
  it("is retried after the lease and its mail is delivered once", async () => {
    const practice = await createPractice();
    const to = `${practice.slug}@example.test`;
    await enqueueAs(practice.owner.actor, { type: TEST_MAIL_TYPE, payload: { to }, dedupeKey: "mail-once" });
    // PGlite is one process's database: hand it to the child.
    if (dataDir) await closeDatabase();

    expect(await runCrashingWorker()).toBe(17);
    expect(received).toHaveLength(1);
    const orphaned = await outboxRow(practice.tenantId, "mail-once");
    expect(orphaned).toMatchObject({ status: "pending", attempts: 1 });
    expect(orphaned?.lockedBy).toBeTruthy();
    const leaseEnd = orphaned?.lockedUntil?.getTime() ?? 0;

    registerTestMailHandler({ crashAfterSend: false });
    const worker = startWorker({ types: [TEST_MAIL_TYPE], pollMs: 100, retryBaseMs: 10 });
    try {
      const done = await settled(practice.tenantId, "mail-once", "done", 30_000);
      expect(done.attempts).toBe(2);
      const [delivery] = await deliveriesOf(practice.tenantId, done.id);
      expect(delivery).toMatchObject({ status: "done", attempts: 2 });
      expect(delivery?.doneAt?.getTime()).toBeGreaterThanOrEqual(leaseEnd);
    } finally {
      await worker.stop();
    }
    expect(received).toHaveLength(1);
    expect(received[0]).toContain(`To: ${to}`);
  }, 180_000);
});
