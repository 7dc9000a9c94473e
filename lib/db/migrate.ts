import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { DbDriver, DbSession } from "./driver";

// Read at run time from the checkout, not bundled: the ignore comments keep Turbopack from tracing the tree.
export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "supabase", "migrations");

// Any constant works; it only has to be the same in every Boka process.
const MIGRATION_LOCK_KEY = 482_913_771;

export type MigrationFile = { name: string; sql: string; checksum: string };

export class MigrationEdited extends Error {}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(/*turbopackIgnore: true*/ dir))
    .filter((n) => /^\d{14}_[a-z0-9_]+\.sql$/.test(n))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(/*turbopackIgnore: true*/ dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

async function ensureLedger(session: DbSession) {
  await session.exec(`
    create schema if not exists boka_meta;
    revoke all on schema boka_meta from public;
    create table if not exists boka_meta.migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    );
  `);
}

/**
 * Applies pending migrations, each in its own transaction, under a session advisory lock so two
 * processes starting together never both migrate. Refuses to run when an applied file was edited.
 */
export async function migrate(driver: DbDriver, files?: MigrationFile[]): Promise<string[]> {
  const migrations = files ?? (await readMigrations());
  return driver.withSession(async (session) => {
    await session.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await ensureLedger(session);
      const applied = new Map(
        (
          await session.query<{ name: string; checksum: string }>(
            "select name, checksum from boka_meta.migrations",
          )
        ).map((r) => [r.name, r.checksum]),
      );
      for (const file of migrations) {
        const checksum = applied.get(file.name);
        if (checksum !== undefined && checksum !== file.checksum) {
          throw new MigrationEdited(
            `Migration ${file.name} was edited after it was applied (checksum ${checksum.slice(0, 12)} → ${file.checksum.slice(0, 12)}). Add a new migration instead of editing an applied one.`,
          );
        }
      }
      const done: string[] = [];
      for (const file of migrations) {
        if (applied.has(file.name)) continue;
        await session.exec("begin");
        try {
          await session.exec(file.sql);
          await session.query("insert into boka_meta.migrations (name, checksum) values ($1, $2)", [
            file.name,
            file.checksum,
          ]);
          await session.exec("commit");
        } catch (error) {
          await session.exec("rollback");
          throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
        }
        done.push(file.name);
      }
      return done;
    } finally {
      await session.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}
