import { lt, or, sql } from "drizzle-orm";
import { sweepExpiredHolds } from "@/lib/bookings";
import { config } from "@/lib/config";
import { type Tx, tables, withSystem } from "@/lib/db";
import { purgeFinishedEvents } from "@/lib/events";
import { logger, timeJob } from "@/lib/observability";

type Task = { reason: string; run: (tx: Tx) => Promise<number> };

const count = (rows: unknown[]) => rows.length;
/** Used or lapsed one-time secrets are kept a day (for support questions), then go. */
const DAY_AGO = sql`now() - interval '1 day'`;

/**
 * Periodic tidying. None of it is needed for correctness — run-out holds, sessions and codes are
 * already refused by the code that reads them — but it keeps lists honest and secrets short-lived:
 * idempotency replays hold a booking's manage token, so they go once their 24 h replay window ends.
 */
const TASKS: Task[] = [
  { reason: "housekeeping: move run-out booking holds to expired", run: (tx) => sweepExpiredHolds(tx) },
  {
    reason: "housekeeping: delete delivered or discarded outbox events after 30 days",
    run: (tx) => purgeFinishedEvents(tx, 30),
  },
  {
    reason: "housekeeping: delete idempotency replays past their 24 h window",
    run: async (tx) =>
      count(
        await tx
          .delete(tables.idempotencyKeys)
          .where(lt(tables.idempotencyKeys.createdAt, DAY_AGO))
          .returning({ key: tables.idempotencyKeys.key }),
      ),
  },
  {
    reason: "housekeeping: delete ended sessions (absolute or idle lifetime over)",
    run: async (tx) =>
      count(
        await tx
          .delete(tables.userSessions)
          .where(
            or(
              lt(tables.userSessions.expiresAt, sql`now()`),
              lt(
                tables.userSessions.lastSeenAt,
                sql`now() - make_interval(mins => ${config().SESSION_IDLE_MINUTES})`,
              ),
            ),
          )
          .returning({ id: tables.userSessions.id }),
      ),
  },
  {
    reason: "housekeeping: delete ended customer portal sessions",
    run: async (tx) =>
      count(
        await tx
          .delete(tables.customerSessions)
          .where(lt(tables.customerSessions.expiresAt, sql`now()`))
          .returning({ id: tables.customerSessions.id }),
      ),
  },
  {
    reason: "housekeeping: delete lapsed one-time codes and tokens",
    run: async (tx) => {
      const lapsed = [
        await tx
          .delete(tables.customerOtps)
          .where(lt(tables.customerOtps.expiresAt, DAY_AGO))
          .returning({ at: tables.customerOtps.createdAt }),
        await tx
          .delete(tables.authTokens)
          .where(lt(tables.authTokens.expiresAt, DAY_AGO))
          .returning({ at: tables.authTokens.createdAt }),
        await tx
          .delete(tables.accountUnlockTokens)
          .where(lt(tables.accountUnlockTokens.expiresAt, DAY_AGO))
          .returning({ at: tables.accountUnlockTokens.createdAt }),
      ];
      return lapsed.reduce((n, rows) => n + rows.length, 0);
    },
  },
];

/** One pass over every task; a failing task is logged and does not stop the others. */
export async function runHousekeeping(): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const task of TASKS) {
    try {
      done[task.reason] = await timeJob("housekeeping", () => withSystem(task.reason, task.run));
    } catch (err) {
      logger.warn({ err, task: task.reason }, "housekeeping task failed; retrying on the next tick");
    }
  }
  const changed = Object.fromEntries(Object.entries(done).filter(([, n]) => n > 0));
  if (Object.keys(changed).length) logger.info({ changed }, "housekeeping");
  return done;
}

/** Every process runs it; every task is idempotent, so overlapping passes are harmless. */
export function startHousekeeping(intervalMs = 60_000): () => void {
  const timer = setInterval(() => void runHousekeeping(), intervalMs);
  // Housekeeping must never keep a process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
