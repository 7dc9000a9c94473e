import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, connection } from "@/lib/db";

afterAll(closeDatabase);

describe("row-level security catalog", () => {
  // Schemas Supabase's Data API can expose. A table added to one of them without RLS fails here.
  it("every table in an exposed schema has RLS enabled and forced and at least one policy", async () => {
    const { db } = await connection();
    const result = await db.execute<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(sql`
      select n.nspname || '.' || c.relname as table, c.relrowsecurity as enabled,
             c.relforcerowsecurity as forced,
             (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'graphql_public')
      order by 1`);
    const rows = result.rows;
    expect(rows.length).toBeGreaterThan(0);
    const offenders = rows.filter((r) => !r.enabled || !r.forced || r.policies < 1).map((r) => r.table);
    expect(offenders).toEqual([]);
  });

  it("every policy column tenant_id is the leading column of some index", async () => {
    const { db } = await connection();
    const result = await db.execute<{ table: string }>(sql`
      select c.relname as table from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
      where n.nspname = 'public' and c.relkind = 'r'
        and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)`);
    expect(result.rows.map((r) => r.table)).toEqual([]);
  });
});
