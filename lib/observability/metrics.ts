import client from "prom-client";

/** What a pg.Pool exposes for its gauges; kept structural so lib/db needs no prom-client types. */
type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

const SECONDS_FAST = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SECONDS_SLOW = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300];

/**
 * Every metric Boka exports, created once per process. Next compiles route handlers, server actions and
 * instrumentation into separate bundles, each with its own copy of this module (and possibly of
 * prom-client), so the set lives on globalThis under one key: whichever bundle comes first creates it,
 * the others use those same objects. All metrics are created here, in one place, so no bundle ever
 * registers an object from its own prom-client copy into another copy's registry.
 */
function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const pools = new Map<string, PoolStats>();
  const registers = [registry];

  return {
    registry,
    pools,
    httpDuration: new client.Histogram({
      name: "boka_http_request_duration_seconds",
      help: "HTTP requests by method, route pattern and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: SECONDS_FAST,
      registers,
    }),
    dbPool: new client.Gauge({
      name: "boka_db_pool_connections",
      help: "Postgres pool connections by pool (runtime, system) and state (total, idle, waiting)",
      labelNames: ["pool", "state"] as const,
      registers,
      collect() {
        this.reset();
        for (const [pool, stats] of pools) {
          this.set({ pool, state: "total" }, stats.totalCount);
          this.set({ pool, state: "idle" }, stats.idleCount);
          this.set({ pool, state: "waiting" }, stats.waitingCount);
        }
      },
    }),
    dbTransaction: new client.Histogram({
      name: "boka_db_transaction_duration_seconds",
      help: "Scoped database transactions (withTenant, withSystem) from BEGIN to COMMIT or ROLLBACK",
      labelNames: ["scope", "outcome"] as const,
      buckets: SECONDS_FAST,
      registers,
    }),
    bookingsCreated: new client.Counter({
      name: "boka_bookings_created_total",
      help: "Bookings created, by channel (public, dashboard, api)",
      labelNames: ["channel"] as const,
      registers,
    }),
    bookingsCancelled: new client.Counter({
      name: "boka_bookings_cancelled_total",
      help: "Bookings cancelled, by who cancelled (customer, staff, system)",
      labelNames: ["by"] as const,
      registers,
    }),
    loginFailures: new client.Counter({
      name: "boka_login_failures_total",
      help: "Wrong credentials at sign-in: password, authenticator code or backup code",
      registers,
    }),
    loginThrottled: new client.Counter({
      name: "boka_login_throttled_total",
      help: "Sign-in attempts refused by the throttle before the password was checked",
      registers,
    }),
    availabilityCache: new client.Counter({
      name: "boka_availability_cache_requests_total",
      help: "Public availability answers by cache result (hit, miss); hit ratio = hit / (hit + miss)",
      labelNames: ["result"] as const,
      registers,
    }),
    emailDeliveries: new client.Counter({
      name: "boka_email_deliveries_total",
      help: "Emails handed to the transport, by transport (smtp, dev_mailbox) and result (sent, failed)",
      labelNames: ["transport", "result"] as const,
      registers,
    }),
    smsDeliveries: new client.Counter({
      name: "boka_sms_deliveries_total",
      help: "SMS messages handed to the provider, by result (sent, failed)",
      labelNames: ["result"] as const,
      registers,
    }),
    webhookDeliveries: new client.Counter({
      name: "boka_webhook_deliveries_total",
      help: "Outbound webhook attempts, by result (delivered, failed, gave_up)",
      labelNames: ["result"] as const,
      registers,
    }),
    // The outbox gauges and job metrics are set by the worker (lib/events) after each poll and run.
    outboxDepth: new client.Gauge({
      name: "boka_outbox_pending",
      help: "Outbox events not yet handled",
      registers,
    }),
    outboxOldestAge: new client.Gauge({
      name: "boka_outbox_oldest_pending_age_seconds",
      help: "Age of the oldest outbox event not yet handled (0 when none)",
      registers,
    }),
    outboxDead: new client.Gauge({
      name: "boka_outbox_dead",
      help: "Outbox events that exhausted their retries",
      registers,
    }),
    jobDuration: new client.Histogram({
      name: "boka_job_duration_seconds",
      help: "Background job runs by job and outcome (ok, failed)",
      labelNames: ["job", "outcome"] as const,
      buckets: SECONDS_SLOW,
      registers,
    }),
    jobFailures: new client.Counter({
      name: "boka_job_failures_total",
      help: "Background job runs that threw",
      labelNames: ["job"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for("boka.metrics");
const globalForMetrics = globalThis as unknown as { [KEY]?: Metrics };

export function metrics(): Metrics {
  globalForMetrics[KEY] ??= createMetrics();
  return globalForMetrics[KEY];
}

/** A Postgres pool's connection counts are read at scrape time. */
export function observePool(name: string, pool: PoolStats): void {
  metrics().pools.set(name, pool);
}

/** Times a background job run into boka_job_duration_seconds / boka_job_failures_total. */
export async function timeJob<T>(job: string, run: () => Promise<T>): Promise<T> {
  const m = metrics();
  const stop = m.jobDuration.startTimer({ job });
  try {
    const result = await run();
    stop({ outcome: "ok" });
    return result;
  } catch (error) {
    stop({ outcome: "failed" });
    m.jobFailures.inc({ job });
    throw error;
  }
}

/** The Prometheus text exposition. */
export async function exposition(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
