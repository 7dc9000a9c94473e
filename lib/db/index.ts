import { sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability";
import { type Connection, type Database, openEmbedded, openPostgres, type Tx } from "./connect";
import { migrate } from "./migrate";
import type { TenantRole } from "./schema";

export { type Connection, type Database, MEMORY, openEmbedded, openPostgres, type Tx } from "./connect";
export * from "./migrate";
export type * from "./schema";
export * as tables from "./schema";
export {
  ACTIVE_STATUSES,
  BOOKING_STATUSES,
  INVITABLE_ROLES,
  TENANT_ROLES,
  TOKEN_PURPOSES,
  typedTables,
} from "./schema";

/** Who a request acts as. Claims are built from this on the server, never from client input. */
export type Actor =
  | { kind: "member"; userId: string; tenantId: string; role: TenantRole }
  | { kind: "user"; userId: string }
  | { kind: "customer"; tenantId: string; customerId: string }
  | { kind: "anon" };

type State = { connection: Connection; ready: Promise<void>; created: boolean };
const globalForDb = globalThis as unknown as { bokaDb?: State };

/** Migrates the embedded database, or the real one when an owner URL is given; true if it was just created. */
async function prepare(connection: Connection): Promise<boolean> {
  const cfg = config();
  if (!cfg.DATABASE_URL) {
    const applied = await migrate(connection.driver);
    return applied.some((name) => name.endsWith("_tenancy.sql"));
  }
  if (cfg.DATABASE_MIGRATION_URL) {
    const owner = openPostgres(cfg.DATABASE_MIGRATION_URL, 1);
    try {
      await migrate(owner.driver);
    } finally {
      await owner.driver.close();
    }
  }
  return false;
}

function state(): State {
  if (!globalForDb.bokaDb) {
    const cfg = config();
    const connection = cfg.DATABASE_URL
      ? Promise.resolve(openPostgres(cfg.DATABASE_URL, cfg.DATABASE_POOL_MAX))
      : openEmbedded(cfg.EMBEDDED_DB_PATH);
    // The embedded connection opens asynchronously; callers await `ready` before every use.
    const holder = { created: false } as State;
    holder.ready = connection.then(async (c) => {
      holder.connection = c;
      holder.created = await prepare(c);
    });
    holder.ready.catch((error) => logger.fatal({ err: error }, "database start-up failed"));
    globalForDb.bokaDb = holder;
  }
  return globalForDb.bokaDb;
}

export async function connection(): Promise<Connection> {
  const s = state();
  await s.ready;
  return s.connection;
}

/** True when this process created the embedded database (the start-up path seeds the demo then). */
export async function embeddedDatabaseCreated(): Promise<boolean> {
  const s = state();
  await s.ready;
  return s.created;
}

export type SystemRunner = <T>(reason: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;

function runScoped<T>(
  db: Database,
  role: string,
  claims: Record<string, unknown>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`,
    );
    return fn(tx);
  });
}

async function scoped<T>(
  role: string,
  claims: Record<string, unknown>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { db } = await connection();
  return runScoped(db, role, claims, fn);
}

export function claimsFor(actor: Actor): { role: string; claims: Record<string, unknown> } {
  switch (actor.kind) {
    case "member":
      return {
        role: "authenticated",
        claims: {
          sub: actor.userId,
          role: "authenticated",
          aud: "authenticated",
          tenant_id: actor.tenantId,
          tenant_role: actor.role,
        },
      };
    case "user":
      return {
        role: "authenticated",
        claims: { sub: actor.userId, role: "authenticated", aud: "authenticated" },
      };
    case "customer":
      // No `sub`: auth.uid() is null, so membership-based policies admit nothing; only the policies that
      // test `customer_id` (supabase/migrations/*_customer_portal.sql) apply.
      return {
        role: "authenticated",
        claims: {
          role: "authenticated",
          aud: "authenticated",
          tenant_id: actor.tenantId,
          customer_id: actor.customerId,
        },
      };
    case "anon":
      return { role: "anon", claims: { role: "anon" } };
  }
}

/** Runs `fn` in one transaction as the actor: RLS decides what it may see and change. */
export function withTenant<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { role, claims } = claimsFor(actor);
  return scoped(role, claims, fn);
}

/**
 * The one RLS bypass (service_role). Every caller names why; every use is logged. Keep callers few:
 * `grep -rn "withSystem(" lib` lists them all.
 */
export const withSystem: SystemRunner = (reason, fn) => {
  logger.debug({ reason }, "withSystem");
  return scoped("service_role", { role: "service_role" }, fn);
};

export async function closeDatabase(): Promise<void> {
  const s = globalForDb.bokaDb;
  globalForDb.bokaDb = undefined;
  if (s) {
    await s.ready.catch(() => {});
    await s.connection?.driver.close();
  }
}

export async function pingDatabase(): Promise<void> {
  const { db } = await connection();
  await db.execute(sql`select 1`);
}

/**
 * Awaits queries one after another, for use inside a transaction: it has a single connection, and pg
 * refuses (deprecated, soon an error) a new query while one is running. Drizzle builders only execute
 * when awaited, so building them up front is fine.
 */
export async function inOrder<const T extends readonly unknown[]>(
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
export * from "./errors";
