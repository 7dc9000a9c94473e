import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Connection,
  MEMORY,
  MigrationEdited,
  migrate,
  openEmbedded,
  openPostgres,
  readMigrations,
} from "@/lib/db";

let conn: Connection;

beforeAll(async () => {
  const owner = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
  conn = owner ? openPostgres(owner, 2) : await openEmbedded(MEMORY);
});
afterAll(() => conn.driver.close());

describe("migration runner", () => {
  it("applies every migration once; a second run is a no-op", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThanOrEqual(2);
    await migrate(conn.driver, files);
    expect(await migrate(conn.driver, files)).toEqual([]);
    const recorded = await conn.driver.withSession((s) =>
      s.query<{ name: string }>("select name from boka_meta.migrations order by name"),
    );
    expect(recorded.map((r) => r.name)).toEqual(files.map((f) => f.name));
  });

  it("refuses to run when an applied migration was edited", async () => {
    const files = await readMigrations();
    await migrate(conn.driver, files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: `${f.checksum.slice(0, -1)}0` } : f));
    await expect(migrate(conn.driver, edited)).rejects.toBeInstanceOf(MigrationEdited);
    await expect(migrate(conn.driver, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration entirely and records nothing for it", async () => {
    const files = await readMigrations();
    const broken = {
      name: "29991231000000_broken.sql",
      sql: "create table public.half_done (id int); select 1/0;",
      checksum: "x",
    };
    await expect(migrate(conn.driver, [...files, broken])).rejects.toThrow(
      /29991231000000_broken\.sql failed/,
    );
    const [row] = await conn.driver.withSession((s) =>
      s.query<{ exists: boolean; recorded: number }>(
        `select to_regclass('public.half_done') is not null as exists,
                (select count(*)::int from boka_meta.migrations where name = '29991231000000_broken.sql') as recorded`,
      ),
    );
    expect(row).toEqual({ exists: false, recorded: 0 });
  });
});

// PGlite is a single session (an advisory lock is re-entrant there), so this runs on real Postgres.
describe.runIf(process.env.DATABASE_URL)("two processes starting together", () => {
  it("apply a new migration exactly once (advisory lock)", async () => {
    const files = await readMigrations();
    const name = `29991231${String(Date.now() % 1_000_000).padStart(6, "0")}_probe.sql`;
    const table = `boka_meta.probe_${Date.now()}`;
    const probe = { name, sql: `create table ${table} (id int);`, checksum: "probe" };
    const owner = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
    const second = openPostgres(owner ?? "", 1);
    try {
      const results = await Promise.all([
        migrate(conn.driver, [...files, probe]),
        migrate(second.driver, [...files, probe]),
      ]);
      expect(results.flat().filter((n) => n === name)).toHaveLength(1);
    } finally {
      await conn.driver.withSession((s) =>
        s.exec(`drop table if exists ${table}; delete from boka_meta.migrations where name = '${name}'`),
      );
      await second.driver.close();
    }
  });
});
