import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, connection, systemConnection, withSystem, withTenant } from "@/lib/db";
import { createPractice } from "../support/factory";

afterAll(closeDatabase);

describe("request scoping leaves nothing behind", () => {
  it("after withTenant and withSystem, every pooled connection has no role or claims set", async () => {
    const practice = await createPractice();
    const inside = await withTenant(practice.owner.actor, (tx) =>
      tx.execute<{ role: string; claims: string }>(
        sql`select current_user as role, current_setting('request.jwt.claims', true) as claims`,
      ),
    );
    expect(inside.rows[0]?.role).toBe("authenticated");
    expect(JSON.parse(inside.rows[0]?.claims ?? "{}").tenant_id).toBe(practice.tenantId);

    // Touch several pooled connections at once, then inspect as many at once.
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2
          ? withTenant(practice.owner.actor, (tx) => tx.execute(sql`select 1`))
          : withSystem("leak test", (tx) => tx.execute(sql`select 1`)),
      ),
    );
    // Both pools: withTenant's (runtime) and withSystem's (system; the same one when embedded).
    const runtime = (await connection()).driver;
    const system = (await systemConnection()).driver;
    const sessions = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? system : runtime).withSession((s) =>
          s.query<{ role: string; claims: string | null; is_super: boolean }>(
            `select current_user as role, current_setting('request.jwt.claims', true) as claims,
                    (select rolsuper from pg_roles where rolname = current_user) as is_super`,
          ),
        ),
      ),
    );
    for (const [row] of sessions) {
      expect(["authenticated", "anon", "service_role"]).not.toContain(row?.role);
      expect(row?.claims ?? "").toBe("");
    }
  });

  it("a failed transaction also resets role and claims", async () => {
    const practice = await createPractice();
    await expect(
      withTenant(practice.owner.actor, async (tx) => {
        await tx.execute(sql`select 1`);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const { driver } = await connection();
    const [row] = await driver.withSession((s) =>
      s.query<{ claims: string | null }>(`select current_setting('request.jwt.claims', true) as claims`),
    );
    expect(row?.claims ?? "").toBe("");
  });
});
