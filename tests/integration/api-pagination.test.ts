/**
 * Cursor pages: walking 1,000 bookings 37 at a time while new ones keep arriving returns every booking
 * that existed at the start exactly once (keyset on created_at and id, ties included), backwards too;
 * bad cursors and limits are field errors.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as bookings } from "@/app/api/v1/bookings/route";
import { GET as customers } from "@/app/api/v1/customers/route";
import { createApiKey } from "@/lib/api-keys";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { createPractice, type TestPractice } from "../support/factory";
import { withApiKey } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

afterAll(closeDatabase);

let practice: TestPractice;
let schedule: TestSchedule;
let api: ReturnType<typeof withApiKey>;
let slot = 0;
const HOUR = 3_600_000;
const base = Date.parse("2031-03-01T00:00:00Z");

/** `n` confirmed bookings in one transaction (so they share created_at: the id breaks the tie). */
function insertBookings(n: number): Promise<string[]> {
  const rows = Array.from({ length: n }, () => {
    const start = new Date(base + slot++ * HOUR);
    const end = new Date(start.getTime() + 30 * 60_000);
    const id = randomUUID();
    return {
      id,
      tenantId: practice.tenantId,
      serviceId: schedule.serviceId,
      staffId: schedule.staffIds[0] ?? "",
      customerId: schedule.customerId,
      status: "confirmed" as const,
      startAt: start,
      endAt: end,
      serviceName: "Massage",
      durationMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      priceCents: 0,
      currency: "GBP",
      blockedFrom: start,
      blockedUntil: end,
      sessionKey: id,
      manageTokenHash: Buffer.from(id),
    };
  });
  return withSystem("test inserts bookings in bulk", async (tx) => {
    await tx.insert(tables.bookings).values(rows);
    return rows.map((r) => r.id);
  });
}

beforeAll(async () => {
  practice = await createPractice();
  schedule = await createSchedule(practice.tenantId);
  for (let i = 0; i < 10; i++) await insertBookings(100);
  const { secret } = await createApiKey(practice.owner.actor, {
    name: "walker",
    scopes: ["bookings:read", "customers:read"],
    rateLimitPerMinute: 6_000,
  });
  api = withApiKey(secret);
});

const bookingIds = () =>
  withSystem("test lists the practice's bookings", async (tx) =>
    (
      await tx
        .select({ id: tables.bookings.id })
        .from(tables.bookings)
        .where(eq(tables.bookings.tenantId, practice.tenantId))
    ).map((r) => r.id),
  );

async function page(query: string) {
  const res = await api.call(bookings, `/api/v1/bookings?${query}`);
  const body = await res.json();
  return { res, body };
}

describe("cursor pagination", () => {
  it("walks 1,000 bookings with limit=37 while others are inserted: each existing one exactly once", async () => {
    const existing = await bookingIds();
    expect(existing).toHaveLength(1000);
    const seen: string[] = [];
    const added: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const { res, body } = await page(`limit=37${cursor ? `&starting_after=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(body.object).toBe("list");
      expect(body.data.length).toBeLessThanOrEqual(37);
      seen.push(...body.data.map((b: { id: string }) => b.id));
      added.push(...(await insertBookings(3)));
      if (!body.has_more) break;
      cursor = body.data.at(-1).id;
    }
    expect(seen).toHaveLength(1000);
    expect([...seen].sort()).toEqual([...existing].sort());
    expect(added.length).toBeGreaterThan(0);
    expect(await bookingIds()).toHaveLength(1000 + added.length);
  });

  it("pages back with ending_before to the same rows, in the same order", async () => {
    const first = await page("limit=5");
    const second = await page(`limit=5&starting_after=${first.body.data.at(-1).id}`);
    expect(second.body.has_more).toBe(true);
    const back = await page(`limit=5&ending_before=${second.body.data[0].id}`);
    expect(back.body.data.map((b: { id: string }) => b.id)).toEqual(
      first.body.data.map((b: { id: string }) => b.id),
    );
    expect(back.body.has_more).toBe(false);
  });

  it("defaults to 25 and refuses bad limits and cursors as field errors", async () => {
    expect((await page("")).body.data).toHaveLength(25);
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["starting_after=nope", "starting_after"],
      [`starting_after=${randomUUID()}`, "starting_after"],
      [`starting_after=${randomUUID()}&ending_before=${randomUUID()}`, "ending_before"],
    ] as const) {
      const { res, body } = await page(query);
      expect(res.status, query).toBe(422);
      expect(body.errors[0].field, query).toBe(field);
    }
  });

  it("other lists have the same shape", async () => {
    const res = await api.call(customers, "/api/v1/customers?limit=1");
    const body = await res.json();
    expect(body).toMatchObject({ object: "list", has_more: false });
    expect(body.data[0].object).toBe("customer");
  });
});
