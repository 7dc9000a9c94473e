/**
 * Two app instances on one real Postgres (and Redis): a booking made through instance A (a child
 * process, which also runs the worker) reaches a dashboard stream opened on instance B (this process).
 * Then again with Postgres LISTEN/NOTIFY as the fan-out, as on a deployment without Redis. Real
 * backends only: the embedded database belongs to one process.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/v1/live/route";
import { closeCache } from "@/lib/cache";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase } from "@/lib/db";
import { closeLiveUpdates, liveTransportKind } from "@/lib/events";
import { nextEvent } from "../support/events";
import { createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

let practice: TestPractice;
let schedule: TestSchedule;
const redisUrl = process.env.REDIS_URL;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  practice = await createPractice({ published: true });
  schedule = await createSchedule(practice.tenantId);
});
afterAll(async () => {
  if (redisUrl) process.env.REDIS_URL = redisUrl;
  resetConfigForTests();
  await closeLiveUpdates();
  await closeDatabase();
});

/** Runs instance A; resolves with the id of the booking it made. */
function bookOnInstanceA(start: Date, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "tests/support/live-instance.ts"],
    {
      env: {
        ...env,
        LOG_LEVEL: "silent",
        SLUG: practice.slug,
        OWNER_ID: practice.owner.userId,
        SERVICE_ID: schedule.serviceId,
        STAFF_ID: schedule.staffIds[0],
        CUSTOMER_ID: schedule.customerId,
        START: start.toISOString(),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`instance A exited ${code}`)),
    );
  });
}

function slotIn(days: number): Date {
  const start = new Date(Date.now() + days * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  return start;
}

describe.skipIf(!process.env.DATABASE_URL)(
  "live updates across instances (real Postgres and Redis; skipped on the embedded database: one process only)",
  () => {
    it.skipIf(!redisUrl)(
      "a booking on instance A reaches a stream on instance B through Redis",
      async () => {
        expect(await liveTransportKind()).toBe("redis");
        const owner = await signedInAs(practice.owner.userId, practice.tenantId);
        const stream = await owner.call(live, "/api/v1/live");
        expect(stream.status).toBe(200);
        const [bookingId, hint] = await Promise.all([
          bookOnInstanceA(slotIn(4), process.env),
          nextEvent(stream, (e) => (e.data as { type?: string }).type === "booking.created", 60_000),
        ]);
        expect(hint.data).toMatchObject({ type: "booking.created", booking_id: bookingId });
        await stream.body?.cancel();
      },
      120_000,
    );

    it("a booking on instance A reaches a stream on instance B through Postgres LISTEN/NOTIFY", async () => {
      await closeLiveUpdates();
      await closeCache();
      delete process.env.REDIS_URL;
      resetConfigForTests();
      expect(await liveTransportKind()).toBe("postgres");
      const owner = await signedInAs(practice.owner.userId, practice.tenantId);
      const stream = await owner.call(live, "/api/v1/live");
      const { REDIS_URL: _, ...withoutRedis } = process.env;
      const [bookingId, hint] = await Promise.all([
        bookOnInstanceA(slotIn(5), withoutRedis),
        nextEvent(stream, (e) => (e.data as { type?: string }).type === "booking.created", 60_000),
      ]);
      expect(hint.data).toMatchObject({ type: "booking.created", booking_id: bookingId });
      await stream.body?.cancel();
    }, 120_000);
  },
);
