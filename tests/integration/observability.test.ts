import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { logIn } from "@/lib/auth";
import { closeCache } from "@/lib/cache";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, connection, withTenant } from "@/lib/db";
import { readiness, resetReadinessForTests } from "@/lib/health";
import { mailer } from "@/lib/notifications";
import { logger, metrics, type RequestFacts, recordRequest } from "@/lib/observability";
import { createPractice, unique } from "../support/factory";

const saved = { token: process.env.METRICS_TOKEN, smtp: process.env.SMTP_URL };
function setEnv(name: "METRICS_TOKEN" | "SMTP_URL", value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetConfigForTests();
  resetReadinessForTests();
}
afterEach(() => {
  setEnv("METRICS_TOKEN", saved.token);
  setEnv("SMTP_URL", saved.smtp);
});
beforeAll(() => connection());
afterAll(async () => {
  await closeDatabase();
  await closeCache();
});

const scrape = (headers: Record<string, string> = {}) =>
  metricsRoute(new Request("http://localhost:3000/api/metrics", { headers }), {
    params: Promise.resolve({}),
  });

/** One sample's value from the exposition text, 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("GET /api/metrics", () => {
  it("without METRICS_TOKEN answers loopback clients only", async () => {
    setEnv("METRICS_TOKEN", undefined);
    expect((await scrape({ "x-forwarded-for": "127.0.0.1" })).status).toBe(200);
    expect((await scrape({ "x-forwarded-for": "::1" })).status).toBe(200);
    const remote = await scrape({ "x-forwarded-for": "203.0.113.7" });
    expect(remote.status).toBe(403);
    expect(remote.headers.get("content-type")).toContain("application/problem+json");
    expect((await scrape()).status).toBe(403);
  });

  it("with METRICS_TOKEN wants the bearer token from everyone, loopback included", async () => {
    setEnv("METRICS_TOKEN", "a-long-scrape-token-0123");
    expect((await scrape({ "x-forwarded-for": "127.0.0.1" })).status).toBe(401);
    expect((await scrape({ authorization: "Bearer a-long-scrape-token-0124" })).status).toBe(401);
    expect((await scrape({ authorization: "Bearer a-long-scrape-token-0123-and-more" })).status).toBe(401);
    const ok = await scrape({
      authorization: "Bearer a-long-scrape-token-0123",
      "x-forwarded-for": "203.0.113.7",
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("exports process metrics, pool and transaction timings and the domain counters", async () => {
    const practice = await createPractice();
    await withTenant(practice.owner.actor, async () => {});
    await expect(
      logIn({ email: practice.owner.email, password: "wrong password entirely" }, { ip: "198.51.100.9" }),
    ).rejects.toThrow();
    await mailer().send({ to: `${unique("m")}@example.test`, subject: "s", text: "t", tag: "test.metrics" });

    const text = await (await scrape({ "x-forwarded-for": "127.0.0.1" })).text();
    for (const name of [
      "process_cpu_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "boka_http_request_duration_seconds",
      "boka_db_transaction_duration_seconds",
      "boka_bookings_created_total",
      "boka_bookings_cancelled_total",
      "boka_availability_cache_requests_total",
      "boka_sms_deliveries_total",
      "boka_webhook_deliveries_total",
      "boka_outbox_pending",
      "boka_outbox_oldest_pending_age_seconds",
      "boka_outbox_dead",
      "boka_job_duration_seconds",
      "boka_job_failures_total",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(
      sample(text, 'boka_db_transaction_duration_seconds_count{scope="tenant",outcome="commit"}'),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'boka_db_transaction_duration_seconds_count{scope="system",outcome="commit"}'),
    ).toBeGreaterThan(0);
    expect(sample(text, "boka_login_failures_total")).toBeGreaterThan(0);
    expect(
      sample(text, 'boka_email_deliveries_total{transport="dev_mailbox",result="sent"}'),
    ).toBeGreaterThan(0);
    if (process.env.DATABASE_URL) {
      expect(sample(text, 'boka_db_pool_connections{pool="runtime",state="total"}')).toBeGreaterThan(0);
      expect(text).toContain('boka_db_pool_connections{pool="system",state="total"}');
    }
  });

  it("keeps one registry when another bundle loads its own copy of the module", async () => {
    metrics().jobFailures.inc({ job: "bundle-test" });
    vi.resetModules();
    const again = await import("@/lib/observability");
    expect(again.metrics()).toBe(metrics());
    again.metrics().jobFailures.inc({ job: "bundle-test" });
    const text = (await again.exposition()).body;
    expect(sample(text, 'boka_job_failures_total{job="bundle-test"}')).toBe(2);
  });
});

describe("the per-request log line", () => {
  it("names route pattern, status, duration, request id, tenant and actor, and nothing personal", async () => {
    const practice = await createPractice();
    const contexts = new AsyncLocalStorage<RequestFacts>();
    const key = Symbol.for("boka.requestContext");
    (globalThis as Record<symbol, unknown>)[key] = contexts;
    const facts: RequestFacts = { requestId: "req-observability-1" };
    try {
      await contexts.run(facts, () => withTenant(practice.owner.actor, async () => {}));
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
    // A build's route manifest, as `next build` writes it (read from the working directory).
    const build = mkdtempSync(path.join(tmpdir(), "boka-build-"));
    mkdirSync(path.join(build, ".next", "server"), { recursive: true });
    writeFileSync(
      path.join(build, ".next", "server", "app-paths-manifest.json"),
      JSON.stringify({
        "/api/v1/public/bookings/[id]/cancel/route": "app/x.js",
        "/(auth)/login/page": "app/y.js",
      }),
    );
    const cwd = process.cwd();
    const info = vi.spyOn(logger, "info").mockImplementation(() => {});
    process.chdir(build);
    try {
      recordRequest({
        ...facts,
        method: "POST",
        pathname: `/api/v1/public/bookings/${"tok".repeat(10)}/cancel`,
        status: 200,
        durationMs: 12.34,
      });
    } finally {
      process.chdir(cwd);
      rmSync(build, { recursive: true, force: true });
    }
    const [fields, message] = info.mock.calls.at(-1) ?? [];
    info.mockRestore();
    expect(message).toBe("request");
    // The route pattern, never the raw path with its manage token.
    expect(fields).toEqual({
      requestId: "req-observability-1",
      method: "POST",
      route: "/api/v1/public/bookings/[id]/cancel",
      status: 200,
      durationMs: 12.3,
      tenantId: practice.tenantId,
      actor: "member",
    });
    expect(JSON.stringify(fields)).not.toContain(practice.owner.email);
    const { values } = await metrics().httpDuration.get();
    expect(
      values.find(
        (v) =>
          v.metricName === "boka_http_request_duration_seconds_count" &&
          v.labels.route === "/api/v1/public/bookings/[id]/cancel" &&
          v.labels.method === "POST",
      )?.value,
    ).toBeGreaterThan(0);
  });
});

describe("readiness: SMTP is a degraded check, reported apart from the required ones", () => {
  let server: SMTPServer;
  let port: number;
  beforeAll(async () => {
    server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("without SMTP_URL there is nothing to check", async () => {
    setEnv("SMTP_URL", undefined);
    const res = await ready();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", degraded: {} });
  });

  it("a reachable SMTP server is ok", async () => {
    setEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    const body = await (await ready()).json();
    expect(body).toMatchObject({ status: "ready", checks: { database: "ok" }, degraded: { smtp: "ok" } });
  });

  it("an unreachable one keeps the instance ready (200) but says degraded and names it", async () => {
    setEnv("SMTP_URL", "smtp://127.0.0.1:1");
    const res = await ready();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("degraded");
    expect(body.impaired).toEqual(["smtp"]);
    expect(body.degraded.smtp).not.toBe("ok");
    expect(body.checks).toEqual({ database: "ok", ...(process.env.REDIS_URL ? { redis: "ok" } : {}) });
  });

  it("takes further providers (payments) as plug-in checks, each reported by name", async () => {
    setEnv("SMTP_URL", undefined);
    const result = await readiness([
      {
        name: "payments",
        probe: () => () => Promise.reject(new Error("provider answered 503")),
        timeoutMs: 1_000,
      },
    ]);
    expect(result).toMatchObject({ ready: true, degraded: { payments: "provider answered 503" } });
  });
});
