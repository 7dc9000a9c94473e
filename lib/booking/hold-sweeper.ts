import { withSystem } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { sweepExpiredHolds } from "./status";

/**
 * Moves run-out holds to `expired` on a timer. They stopped blocking the moment they ran out (the
 * engine and the booking path both compare with now); this keeps lists and reports tidy. Several
 * processes may sweep at once: the update is idempotent.
 */
export function startHoldSweeper(intervalMs = 60_000): () => void {
  const sweep = async () => {
    try {
      const expired = await withSystem("sweep expired booking holds", (tx) => sweepExpiredHolds(tx));
      if (expired) logger.info({ expired }, "expired booking holds swept");
    } catch (err) {
      logger.warn({ err }, "hold sweep failed; retrying on the next tick");
    }
  };
  const timer = setInterval(sweep, intervalMs);
  // The sweeper must never keep a process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
