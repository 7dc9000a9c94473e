import { sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { logger, metrics, noteActor, noteSystem } from "@/lib/observability";
import { type Connection, type Database, openEmbedded, openPostgres, type Tx } from "./connect";
import { migrate } from "./migrate";
import type { TenantRole } from "./schema";
import { systemDatabaseUrl } from "./urls";

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

/**
 * An API key acting as its practice (lib/api-keys): scopes decide what lib allows; in SQL the claims
 * carry the key's id, and RLS re-checks on every statement that the key is still live.
 */
export type ApiKeyGrant = { id: string; scopes: readonly string[] };

/**
 * Who a request acts as. Claims are built from this on the server, never from client input. A member
 * with `apiKey` is a key: its `userId` is the key's id (no user row) and its role is "manager", the
 * reach RLS gives a key; lib narrows it to the scopes.
 */
export type Actor =
  | { kind: "member"; userId: string; tenantId: string; role: TenantRole; apiKey?: ApiKeyGrant }
  | { kind: "user"; userId: string }
  | { kind: "customer"; tenantId: string; customerId: string }
  | { kind: "anon" };

/**
 * `connection` serves tenant requests (the runtime role: anon and authenticated only); `system` serves
 * withSystem (boka_system: service_role only). Embedded, both are the one PGlite connection.
 */
type State = { connection: Connection; system: Connection; ready: Promise<void>; created: boolean };
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
    const connections: Promise<[Connection, Connection]> = cfg.DATABASE_URL
      ? Promise.resolve([
          openPostgres(cfg.DATABASE_URL, cfg.DATABASE_POOL_MAX, "runtime"),
          openPostgres(
            systemDatabaseUrl(cfg.DATABASE_URL, cfg.DATABASE_SYSTEM_URL),
            cfg.DATABASE_POOL_MAX,
            "system",
          ),
        ])
      : openEmbedded(cfg.EMBEDDED_DB_PATH).then((c) => [c, c]);
    // The embedded connection opens asynchronously; callers await `ready` before every use.
    const holder = { created: false } as State;
    holder.ready = connections.then(async ([runtime, system]) => {
      holder.connection = runtime;
      holder.system = system;
      holder.created = await prepare(runtime);
    });
    holder.ready.catch((error) => logger.fatal({ err: error }, "database start-up failed"));
    globalForDb.bokaDb = holder;
  }
  return globalForDb.bokaDb;
}

/** The runtime pool (tenant requests). */
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

/** The system pool behind withSystem; the same connection as `connection()` when embedded. */
export async function systemConnection(): Promise<Connection> {
  const s = state();
  await s.ready;
  return s.system;
}

export type SystemRunner = <T>(reason: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;

async function runScoped<T>(
  db: Database,
  role: string,
  claims: Record<string, unknown>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const stop = metrics().dbTransaction.startTimer({ scope: role === "service_role" ? "system" : "tenant" });
  try {
    const result = await db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`,
      );
      return fn(tx);
    });
    stop({ outcome: "commit" });
    return result;
  } catch (error) {
    stop({ outcome: "rollback" });
    throw error;
  }
}

export function claimsFor(actor: Actor): { role: string; claims: Record<string, unknown> } {
  switch (actor.kind) {
    case "member":
      if (actor.apiKey) {
        // No `sub`: auth.uid() is null, so only a live key's tenant passes the membership helpers.
        return {
          role: "authenticated",
          claims: {
            role: "authenticated",
            aud: "authenticated",
            tenant_id: actor.tenantId,
            api_key_id: actor.apiKey.id,
          },
        };
      }
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
export async function withTenant<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { role, claims } = claimsFor(actor);
  noteActor(actor);
  const { db } = await connection();
  return runScoped(db, role, claims, fn);
}

/**
 * The one RLS bypass (service_role). Every caller names why; every use is logged. Keep callers few:
 * `grep -rn "withSystem(" lib` lists them all.
 */
export const withSystem: SystemRunner = async (reason, fn) => {
  logger.debug({ reason }, "withSystem");
  noteSystem();
  const { db } = await systemConnection();
  return runScoped(db, "service_role", { role: "service_role" }, fn);
};

export async function closeDatabase(): Promise<void> {
  const s = globalForDb.bokaDb;
  globalForDb.bokaDb = undefined;
  if (s) {
    await s.ready.catch(() => {});
    await s.connection?.driver.close();
    if (s.system && s.system !== s.connection) await s.system.driver.close();
  }
}

/** Both pools answer: a missing or misconfigured boka_system login must fail readiness, not the first sign-in. */
export async function pingDatabase(): Promise<void> {
  const [runtime, system] = await Promise.all([connection(), systemConnection()]);
  await runtime.db.execute(sql`select 1`);
  if (system !== runtime) await system.db.execute(sql`select 1`);
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
