/**
 * The composition root of background work: every domain's event handlers, the outbox worker and
 * housekeeping. lib/events imports no domain; domains register their handlers here, once per process.
 */
import { registerBookingHandlers, registerConfirmationWindowHandler } from "@/lib/bookings";
import { registerCalendarSyncHandlers, startCalendarRefresh } from "@/lib/calendar-sync";
import { config } from "@/lib/config";
import { startWorker, type Worker } from "@/lib/events";
import { startHousekeeping } from "@/lib/maintenance";
import { registerNotificationHandlers } from "@/lib/notifications";
import { logger } from "@/lib/observability";

/** Every domain's event handlers (each domain adds its register…Handlers() call here). */
export function registerAllHandlers(): void {
  registerBookingHandlers();
  registerConfirmationWindowHandler();
  registerNotificationHandlers();
  registerCalendarSyncHandlers();
}

const globalForBackground = globalThis as unknown as { bokaBackground?: { stop: () => Promise<void> } };

/**
 * Starts housekeeping and, unless WORKER=off, the outbox worker; SIGTERM stops the worker gracefully
 * (stop claiming, finish or give back in-flight events). Calling it twice is harmless.
 */
export function startBackgroundWork(
  options: { worker?: boolean; exitOnSigterm?: boolean } = {},
): () => Promise<void> {
  if (globalForBackground.bokaBackground) return globalForBackground.bokaBackground.stop;
  registerAllHandlers();
  const stopHousekeeping = startHousekeeping();
  const runWorker = options.worker ?? config().WORKER === "on";
  const worker: Worker | null = runWorker ? startWorker() : null;
  // Calendar refreshes are background jobs too: they run where the worker runs.
  const stopCalendarRefresh = runWorker ? startCalendarRefresh() : () => {};
  if (!runWorker) logger.info("WORKER=off: this process does not run the outbox worker");
  const stop = async () => {
    stopHousekeeping();
    stopCalendarRefresh();
    await worker?.stop();
    globalForBackground.bokaBackground = undefined;
  };
  globalForBackground.bokaBackground = { stop };
  // Our listener replaces Node's default exit, so the web process exits itself once the worker is done.
  if (options.exitOnSigterm !== false) {
    process.once("SIGTERM", () => void stop().finally(() => process.exit(0)));
  }
  return stop;
}
