import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { logIn, resolveSession } from "@/lib/auth";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { runHousekeeping } from "@/lib/maintenance";
import { createPractice, TEST_PASSWORD } from "../support/factory";

afterAll(closeDatabase);

describe("housekeeping", () => {
  it("deletes idempotency replays past 24 h and ended sessions, and keeps what is still live", async () => {
    const practice = await createPractice();
    const [oldKey, freshKey] = [randomUUID(), randomUUID()];
    await withSystem("test stores idempotency replays", (tx) =>
      tx.insert(tables.idempotencyKeys).values([
        { tenantId: practice.tenantId, key: oldKey, requestHash: "h", responseStatus: 201, responseBody: {} },
        {
          tenantId: practice.tenantId,
          key: freshKey,
          requestHash: "h",
          responseStatus: 201,
          responseBody: {},
        },
      ]),
    );
    const live = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, { ip: null });
    const ended = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, { ip: null });
    await withSystem("test ages rows", async (tx) => {
      await tx.execute(
        sql`update public.idempotency_keys set created_at = now() - interval '25 hours' where key = ${oldKey}`,
      );
      await tx.execute(sql`update public.user_sessions set expires_at = now() - interval '1 minute'
        where user_id = ${practice.owner.userId}
          and id = (select id from public.user_sessions where user_id = ${practice.owner.userId} order by created_at desc limit 1)`);
    });

    await runHousekeeping();

    const keys = await withSystem("test reads replays", (tx) =>
      tx
        .select({ key: tables.idempotencyKeys.key })
        .from(tables.idempotencyKeys)
        .where(eq(tables.idempotencyKeys.tenantId, practice.tenantId)),
    );
    expect(keys.map((k) => k.key)).toEqual([freshKey]);
    const sessions = await withSystem("test counts sessions", (tx) =>
      tx
        .select({ id: tables.userSessions.id })
        .from(tables.userSessions)
        .where(eq(tables.userSessions.userId, practice.owner.userId)),
    );
    expect(sessions).toHaveLength(1);
    expect(await resolveSession(live.token)).not.toBeNull();
    expect(await resolveSession(ended.token)).toBeNull();
  });
});
