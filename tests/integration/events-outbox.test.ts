/** The outbox: an event exists exactly when its transaction commits; dedupe; scheduled rows cancel. */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { cancelScheduled, enqueue, purgeFinishedEvents } from "@/lib/events";
import { addMember, createPractice, type TestPractice } from "../support/factory";

let practice: TestPractice;

beforeAll(async () => {
  practice = await createPractice();
});
afterAll(closeDatabase);

const rowsFor = (tenantId: string, dedupeKey: string) =>
  withSystem("test reads outbox rows", (tx) =>
    tx
      .select()
      .from(tables.outbox)
      .where(and(eq(tables.outbox.tenantId, tenantId), eq(tables.outbox.dedupeKey, dedupeKey))),
  );

describe("enqueue", () => {
  it("writes the event when the transaction commits, and nothing when it rolls back", async () => {
    await withTenant(practice.owner.actor, (tx) =>
      enqueue(tx, { tenantId: practice.tenantId, type: "test.kept", payload: { n: 1 }, dedupeKey: "kept" }),
    );
    await expect(
      withTenant(practice.owner.actor, async (tx) => {
        await enqueue(tx, {
          tenantId: practice.tenantId,
          type: "test.rolled_back",
          payload: {},
          dedupeKey: "rolled-back",
        });
        throw new Error("the change fails after the event was written");
      }),
    ).rejects.toThrow("the change fails");
    const kept = await rowsFor(practice.tenantId, "kept");
    expect(kept.map((r) => [r.type, r.payload])).toEqual([["test.kept", { n: 1 }]]);
    expect(await rowsFor(practice.tenantId, "rolled-back")).toEqual([]);
  });

  it("ignores a second event with the same dedupe key", async () => {
    for (const n of [1, 2]) {
      await withTenant(practice.owner.actor, (tx) =>
        enqueue(tx, { tenantId: practice.tenantId, type: "test.once", payload: { n }, dedupeKey: "once" }),
      );
    }
    expect((await rowsFor(practice.tenantId, "once")).map((r) => r.payload)).toEqual([{ n: 1 }]);
  });

  it("refuses an event for another practice (RLS) and a malformed type", async () => {
    const other = await createPractice();
    await expect(
      withTenant(practice.owner.actor, (tx) =>
        enqueue(tx, { tenantId: other.tenantId, type: "test.stolen", payload: {}, dedupeKey: "x" }),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(practice.owner.actor, (tx) =>
        enqueue(tx, { tenantId: practice.tenantId, type: "Bad Type", payload: {}, dedupeKey: "y" }),
      ),
    ).rejects.toThrow();
    expect(await rowsFor(other.tenantId, "x")).toEqual([]);
  });
});

describe("cancelScheduled", () => {
  it("cancels a subject's pending rows of one type, as a staff member", async () => {
    const staff = await addMember(practice.tenantId, "staff");
    const subjectId = crypto.randomUUID();
    const later = new Date(Date.now() + 86_400_000);
    await withTenant(staff.actor, async (tx) => {
      for (const [type, key] of [
        ["test.reminder", "r1"],
        ["test.reminder", "r2"],
        ["test.other", "o1"],
      ] as const) {
        await enqueue(tx, {
          tenantId: practice.tenantId,
          type,
          payload: {},
          dedupeKey: key,
          subjectId,
          availableAt: later,
        });
      }
    });
    const cancelled = await withTenant(staff.actor, (tx) =>
      cancelScheduled(tx, practice.tenantId, subjectId, "test.reminder"),
    );
    expect(cancelled).toBe(2);
    const statuses = await Promise.all(["r1", "r2", "o1"].map((k) => rowsFor(practice.tenantId, k)));
    expect(statuses.map(([r]) => r?.status)).toEqual(["cancelled", "cancelled", "pending"]);
    expect(statuses[0]?.[0]?.availableAt.getTime()).toBe(later.getTime());
  });
});

describe("purgeFinishedEvents", () => {
  it("deletes done and cancelled events past the age, and keeps dead, pending and recent ones", async () => {
    const keys = ["old-done", "old-cancelled", "old-dead", "old-pending", "new-done"];
    for (const dedupeKey of keys) {
      await withTenant(practice.owner.actor, (tx) =>
        enqueue(tx, { tenantId: practice.tenantId, type: "test.purge", payload: {}, dedupeKey }),
      );
    }
    await withSystem("test ages and settles events", (tx) =>
      tx.execute(sql`update public.outbox set
          status = case when dedupe_key like '%done' then 'done' when dedupe_key like '%cancelled' then 'cancelled'
                        when dedupe_key like '%dead' then 'dead' else 'pending' end,
          created_at = case when dedupe_key like 'old-%' then now() - interval '31 days' else now() end
        where tenant_id = ${practice.tenantId} and type = 'test.purge'`),
    );
    await withSystem("test purges", (tx) => purgeFinishedEvents(tx, 30));
    const left = await Promise.all(keys.map(async (k) => [k, (await rowsFor(practice.tenantId, k)).length]));
    expect(Object.fromEntries(left)).toEqual({
      "old-done": 0,
      "old-cancelled": 0,
      "old-dead": 1,
      "old-pending": 1,
      "new-done": 1,
    });
  });
});
