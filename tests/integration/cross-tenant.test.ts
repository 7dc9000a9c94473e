import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, connection, type Tx, withSystem, withTenant } from "@/lib/db";
import { addMember, createPractice, type TestPractice } from "../helpers/factory";

/**
 * For every tenant-owned table: a statement that inserts a row for the given tenant. A new tenant table
 * without an entry here fails the "covers every table" test, so isolation is proven for it too.
 */
const INSERT_FOR_TENANT: Record<string, (tx: Tx, tenantId: string, userId: string) => Promise<unknown>> = {
  memberships: (tx, tenantId, userId) =>
    tx.execute(
      sql`insert into public.memberships (tenant_id, user_id, role) values (${tenantId}, ${userId}, 'staff')`,
    ),
  audit_log: (tx, tenantId, userId) =>
    tx.execute(
      sql`insert into public.audit_log (tenant_id, actor_user_id, action) values (${tenantId}, ${userId}, 'x')`,
    ),
  user_sessions: (tx, tenantId, userId) =>
    tx.execute(sql`insert into public.user_sessions (tenant_id, user_id, token_hash, expires_at)
                   values (${tenantId}, ${userId}, sha256(gen_random_uuid()::text::bytea), now() + interval '1 day')`),
};

let a: TestPractice;
let b: TestPractice;
let tenantTables: string[];

beforeAll(async () => {
  a = await createPractice();
  b = await createPractice();
  await addMember(b.tenantId, "staff");
  const { db } = await connection();
  const result = await db.execute<{ table: string }>(sql`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r' order by 1`);
  tenantTables = result.rows.map((r) => r.table);
});
afterAll(closeDatabase);

/** Runs a statement as tenant A's owner; a refused statement counts as "nothing happened". */
async function asA<T>(fn: (tx: Tx) => Promise<T>): Promise<T | "refused"> {
  try {
    return await withTenant(a.owner.actor, fn);
  } catch {
    return "refused";
  }
}

describe("cross-tenant isolation", () => {
  it("covers every tenant table", () => {
    expect(tenantTables.length).toBeGreaterThan(0);
    expect(tenantTables.filter((t) => !(t in INSERT_FOR_TENANT))).toEqual([]);
  });

  it("tenant A reads none of tenant B's rows, in any tenant table or in tenants", async () => {
    for (const table of tenantTables) {
      const rows = await asA((tx) =>
        tx.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${b.tenantId}`,
        ),
      );
      expect(rows === "refused" ? 0 : (rows.rows[0] as { n: number }).n, table).toBe(0);
    }
    const tenants = await asA((tx) =>
      tx.execute(sql`select id from public.tenants where id = ${b.tenantId}`),
    );
    expect(tenants === "refused" ? [] : tenants.rows).toEqual([]);
  });

  it("tenant A updates and deletes none of tenant B's rows", async () => {
    for (const table of [...tenantTables, "tenants"]) {
      const column = table === "tenants" ? "id" : "tenant_id";
      const updated = await asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sql.identifier(column)}
                       where ${sql.identifier(column)} = ${b.tenantId} returning 1`),
      );
      expect(updated === "refused" ? 0 : updated.rows.length, `update ${table}`).toBe(0);
      const deleted = await asA((tx) =>
        tx.execute(
          sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${b.tenantId} returning 1`,
        ),
      );
      expect(deleted === "refused" ? 0 : deleted.rows.length, `delete ${table}`).toBe(0);
    }
    const check = await withSystem("test counts tenant B's members", (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from public.memberships where tenant_id = ${b.tenantId}`,
      ),
    );
    expect(check.rows[0]?.n).toBe(2);
  });

  it("tenant A cannot insert rows into tenant B", async () => {
    for (const table of tenantTables) {
      const insert = INSERT_FOR_TENANT[table];
      if (!insert) continue;
      const result = await asA((tx) => insert(tx, b.tenantId, a.owner.userId));
      expect(result, `insert into ${table}`).toBe("refused");
    }
  });

  it("the same insert succeeds for the actor's own tenant where the role allows it (the test can fail)", async () => {
    const own = await asA(
      (tx) => INSERT_FOR_TENANT.audit_log?.(tx, a.tenantId, a.owner.userId) ?? Promise.resolve(),
    );
    expect(own).not.toBe("refused");
  });

  it("audit_log is append-only even for its tenant's owner", async () => {
    expect(
      await asA((tx) =>
        tx.execute(sql`update public.audit_log set action = 'y' where tenant_id = ${a.tenantId}`),
      ),
    ).toBe("refused");
    expect(
      await asA((tx) => tx.execute(sql`delete from public.audit_log where tenant_id = ${a.tenantId}`)),
    ).toBe("refused");
  });
});

describe.runIf(process.env.DATABASE_URL)("runtime role on real Postgres", () => {
  it("is not a superuser, has no BYPASSRLS and owns no table", async () => {
    const { driver } = await connection();
    const [role] = await driver.withSession((s) =>
      s.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
        `select r.rolsuper, r.rolbypassrls,
                (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relowner = r.oid) as owned
         from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });
});
