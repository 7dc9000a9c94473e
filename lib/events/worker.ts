import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { config } from "@/lib/config";
import { connection, type SystemRunner, withSystem } from "@/lib/db";
import { logger } from "@/lib/observability";
import { claimDue, releaseClaims } from "./claim";
import { deliver } from "./deliver";
import { OUTBOX_CHANNEL } from "./outbox";

export type WorkerOptions = {
  pollMs?: number;
  leaseSeconds?: number;
  retryBaseMs?: number;
  batch?: number;
  /** How long stop() waits for in-flight events before giving their claims back. */
  shutdownGraceMs?: number;
  /** Claim only these event types (a dedicated worker pool); default every type. */
  types?: readonly string[];
  system?: SystemRunner;
};

export type Worker = {
  readonly id: string;
  /** Claims and runs due events now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, lets in-flight events finish within the grace period, then releases the rest. */
  stop(): Promise<void>;
};

/**
 * The dispatcher loop: claim a batch of due events, deliver them, repeat; when nothing is due, sleep
 * until a NOTIFY on the outbox channel or the poll interval, whichever comes first.
 */
export function startWorker(options: WorkerOptions = {}): Worker {
  const cfg = config();
  const o = {
    pollMs: options.pollMs ?? cfg.WORKER_POLL_MS,
    leaseSeconds: options.leaseSeconds ?? cfg.WORKER_LEASE_SECONDS,
    retryBaseMs: options.retryBaseMs ?? cfg.WORKER_RETRY_BASE_MS,
    batch: options.batch ?? cfg.WORKER_BATCH,
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    system: options.system ?? withSystem,
  };
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const log = logger.child({ worker: id });
  let running = true;
  let woken = false;
  let sleeper: (() => void) | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  const wake = () => {
    woken = true;
    sleeper?.();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      if (woken || !running) return resolve();
      const timer = setTimeout(done, o.pollMs);
      function done() {
        clearTimeout(timer);
        sleeper = null;
        resolve();
      }
      sleeper = done;
    });

  async function loop() {
    while (running) {
      woken = false;
      try {
        const events = await o.system("worker claims due outbox events", (tx) =>
          claimDue(tx, id, o.batch, o.leaseSeconds, options.types ?? cfg.WORKER_TYPES),
        );
        for (const event of events) {
          if (!running) break;
          await deliver(event, { ...o, workerId: id, log }).catch((err) =>
            log.error({ err, eventId: event.id }, "event delivery failed; retried after the lease"),
          );
        }
        if (events.length === o.batch) continue;
      } catch (err) {
        log.error({ err }, "outbox claim failed; retrying at the next poll");
      }
      await sleep();
    }
  }

  const loopDone = loop();
  void connection()
    .then(({ driver }) => driver.listen(OUTBOX_CHANNEL, wake))
    .then((stop) => {
      unlisten = stop;
      if (!running) void stop();
    })
    .catch((err) => log.warn({ err }, "outbox LISTEN unavailable; polling only"));
  log.info({ pollMs: o.pollMs, leaseSeconds: o.leaseSeconds }, "outbox worker started");

  return {
    id,
    wake,
    async stop() {
      if (!running) return loopDone;
      running = false;
      sleeper?.();
      await unlisten?.().catch(() => {});
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), o.shutdownGraceMs);
      });
      const outcome = await Promise.race([loopDone.then(() => "finished" as const), grace]);
      clearTimeout(timer);
      // Events claimed but not started (or still running past the grace) go back to the queue at once.
      const released = await o
        .system("worker gives back its claims at shutdown", (tx) => releaseClaims(tx, id))
        .catch(() => 0);
      log.info({ outcome, released }, "outbox worker stopped");
    },
  };
}
