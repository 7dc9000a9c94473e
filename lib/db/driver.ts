import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";

/**
 * One interface over the two backends. A `DbSession` is a single connection (PGlite is always one),
 * which the migration runner needs for its advisory lock and per-file transactions.
 */
export interface DbSession {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface DbDriver {
  readonly kind: "pglite" | "postgres";
  withSession<T>(fn: (session: DbSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteDriver(db: PGlite): DbDriver {
  const session: DbSession = {
    async exec(sql) {
      await db.exec(sql);
    },
    async query(sql, params) {
      const result = await db.query(sql, params as unknown[] | undefined);
      return result.rows as never[];
    },
  };
  return {
    kind: "pglite",
    withSession: (fn) => fn(session),
    close: () => db.close(),
  };
}

export function postgresDriver(pool: Pool): DbDriver {
  const wrap = (client: PoolClient): DbSession => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows;
    },
  });
  return {
    kind: "postgres",
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(wrap(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
