import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";
import { postgresListener, type Unlisten } from "./listener";

export type { Unlisten } from "./listener";

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
  /** LISTEN on a channel (plain lowercase name); `onMessage` gets each NOTIFY payload after commit. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<Unlisten>;
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
    listen: (channel, onMessage) => db.listen(channel, onMessage),
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
  const listener = postgresListener(pool.options);
  return {
    kind: "postgres",
    listen: listener.listen,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(wrap(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
