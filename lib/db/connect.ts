import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Assume } from "drizzle-orm/utils";
import pg from "pg";
import { observePool } from "@/lib/observability";
import { type DbDriver, pgliteDriver, postgresDriver } from "./driver";
import * as schema from "./schema";

export type Schema = typeof schema;

/** What both drivers return for raw SQL: pg's QueryResult and PGlite's Results both carry `rows`. */
type RowsResult<T> = { rows: T[] };
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<Assume<this["row"], Record<string, unknown>>>;
}
export type Database = PgDatabase<RowsResultHKT, Schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type Connection = { db: Database; driver: DbDriver };

export const MEMORY = "memory://";

/** Embedded Postgres: a data directory, or `memory://` for tests. */
export async function openEmbedded(dataPath: string): Promise<Connection> {
  if (dataPath !== MEMORY) mkdirSync(dataPath, { recursive: true });
  const client = await PGlite.create(dataPath === MEMORY ? undefined : dataPath, {
    extensions: { citext, btree_gist },
  });
  return { db: drizzlePglite(client, { schema }) as unknown as Database, driver: pgliteDriver(client) };
}

/** A named pool (runtime, system) reports its connection counts in the metrics; short-lived ones do not. */
export function openPostgres(url: string, max: number, name?: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  if (name) observePool(name, pool);
  return { db: drizzleNodePg(pool, { schema }) as unknown as Database, driver: postgresDriver(pool) };
}
