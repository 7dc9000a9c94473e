// Availability benchmark (issue: engine p95 <= 20 ms, endpoint p95 <= 100 ms on 2 cores).
//   npm run build && npm run bench
// Uses an in-memory embedded database unless DATABASE_URL (+ DATABASE_MIGRATION_URL) points at Postgres.
// Prints figures; asserts nothing. Record results in docs/benchmarks.md.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";

process.env.EMBEDDED_DB_PATH ??= "memory://";
process.env.SEED_DEMO = "0";
process.env.TRUST_PROXY = "1"; // each simulated client gets its own X-Forwarded-For, as behind a proxy
process.env.LOG_LEVEL ??= "warn";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const STAFF = 10;
const SERVICES = 20;
const BOOKINGS = 2_000;
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function seed() {
  const { withSystem, tables } = await import("@/lib/db");
  const { signUp } = await import("@/lib/tenants");
  const slug = `bench-${Date.now().toString(36)}`;
  const { tenantId } = await signUp({
    businessName: "Bench Clinic",
    slug,
    timeZone: "Europe/London",
    currency: "GBP",
    ownerName: "Bench Owner",
    email: `${slug}@example.test`,
    password: "bench password for load tests",
  });
  const staffIds = Array.from({ length: STAFF }, () => randomUUID());
  const serviceIds = Array.from({ length: SERVICES }, () => randomUUID());
  await withSystem("benchmark seeds a practice", async (tx) => {
    // Anonymous visitors see only published practices, and publishing needs a verified owner.
    await tx.execute(
      sql`update public.users set email_verified_at = now() where email = ${`${slug}@example.test`}`,
    );
    await tx.execute(sql`update public.tenants set published_at = now() where id = ${tenantId}`);
    await tx
      .insert(tables.staffMembers)
      .values(staffIds.map((id, i) => ({ tenantId, id, displayName: `Staff ${i}` })));
    await tx.insert(tables.workingHours).values(
      staffIds.flatMap((staffId) =>
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          tenantId,
          staffId,
          weekday,
          startTime: "09:00",
          endTime: "17:00",
        })),
      ),
    );
    await tx.insert(tables.services).values(
      serviceIds.map((id, i) => ({
        tenantId,
        id,
        name: `Service ${i}`,
        durationMinutes: 30 + (i % 4) * 15,
        priceCents: 3000,
        currency: "GBP",
        minNoticeMinutes: 0,
        maxDaysInAdvance: 60,
        bufferAfterMinutes: i % 2 ? 10 : 0,
      })),
    );
    await tx
      .insert(tables.serviceStaff)
      .values(
        serviceIds.flatMap((serviceId) => staffIds.map((staffId) => ({ tenantId, serviceId, staffId }))),
      );
    const customerId = randomUUID();
    await tx
      .insert(tables.customers)
      .values({ tenantId, id: customerId, name: "Bench", email: "bench@example.test" });
    // 30-minute bookings on the hour, 09:00–16:00 London, every day for each staff member.
    const { localToInstant, addDays, localDateOf } = await import("@/lib/scheduling");
    const today = localDateOf(Date.now(), "Europe/London");
    const rows = [];
    for (let day = 1; rows.length < BOOKINGS; day++) {
      for (const staffId of staffIds) {
        for (let hour = 9; hour < 17 && rows.length < BOOKINGS; hour++) {
          const start = new Date(localToInstant("Europe/London", addDays(today, day), hour * 60));
          const end = new Date(start.getTime() + 30 * 60_000);
          const id = randomUUID();
          rows.push({
            tenantId,
            id,
            serviceId: serviceIds[0] ?? "",
            staffId,
            customerId,
            status: "confirmed" as const,
            startAt: start,
            endAt: end,
            serviceName: "Service 0",
            durationMinutes: 30,
            bufferBeforeMinutes: 0,
            bufferAfterMinutes: 0,
            priceCents: 3000,
            currency: "GBP",
            blockedFrom: start,
            blockedUntil: end,
            sessionKey: id,
            manageTokenHash: Buffer.from(id),
            source: "import" as const,
          });
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await tx.insert(tables.bookings).values(rows.slice(i, i + 500));
  });
  return { slug, tenantId, serviceId: serviceIds[1] ?? "" };
}

async function benchEngine(slug: string, serviceId: string) {
  const { withTenant } = await import("@/lib/db");
  const { findTenantBySlug, findService } = await import("@/lib/catalogue");
  const { loadAvailabilityInput } = await import("@/lib/bookings");
  const { findSlots } = await import("@/lib/scheduling");
  const { addDays, localDateOf, DAY } = await import("@/lib/scheduling");
  const now = Date.now();
  const input = await withTenant({ kind: "anon" }, async (tx) => {
    const tenant = await findTenantBySlug(tx, slug);
    const service = tenant && (await findService(tx, tenant.id, serviceId));
    if (!tenant || !service) throw new Error("bench tenant missing");
    return loadAvailabilityInput(tx, tenant, service, {
      from: new Date(now - DAY),
      to: new Date(now + 32 * DAY),
      now: new Date(now),
    });
  });
  const from = localDateOf(now, "Europe/London");
  const query = { from, to: addDays(from, 29), timeZone: "Europe/London", now };
  const times: number[] = [];
  let slots = 0;
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    slots = findSlots(input, query).length;
    if (i >= 20) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `engine: 30-day range, ${STAFF} staff, ${input.bookings.length} bookings in window, ${slots} slots`,
  );
  console.log(
    `  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  (200 runs after 20 warm-up)`,
  );
}

async function startApp(): Promise<{ url: string; close: () => void } | null> {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("endpoint: skipped — run `npm run build` first");
    return null;
  }
  const next = (await import("next")).default;
  const app = next({ dev: false, port: 0 });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function benchEndpoint(url: string, slug: string, serviceId: string, days: number) {
  const autocannon = (await import("autocannon")).default;
  const { addDays, localDateOf } = await import("@/lib/scheduling");
  const from = localDateOf(Date.now(), "Europe/London");
  const path = `/api/v1/public/tenants/${slug}/availability?service_id=${serviceId}&from=${from}&to=${addDays(from, days - 1)}`;
  const latencies: number[] = [];
  // Every request from its own address (as distinct visitors behind a proxy), so the per-IP limit
  // measures nothing here; a random first octet keeps runs apart in Redis.
  const salt = 11 + Math.floor(Math.random() * 200);
  let sent = 0;
  const result = await autocannon({
    url: url + path,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const n = sent++;
          return {
            ...req,
            headers: {
              ...req.headers,
              "x-forwarded-for": `${salt}.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
          };
        },
      },
    ],
    setupClient: (c) => {
      c.on("response", (_status: number, _bytes: number, responseTime: number) =>
        latencies.push(responseTime),
      );
    },
  });
  latencies.sort((a, b) => a - b);
  const ok = result["2xx"];
  console.log(
    `endpoint: GET availability, ${days}-day range, ${CONNECTIONS} concurrent clients, ${SECONDS} s`,
  );
  console.log(
    `  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  ${(ok / SECONDS).toFixed(0)} req/s  (${ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors)`,
  );
}

async function benchBookings(url: string, slug: string, serviceId: string) {
  const { localToInstant, addDays, localDateOf } = await import("@/lib/scheduling");
  const today = localDateOf(Date.now(), "Europe/London");
  // Distinct free slots: the half hours after the seeded on-the-hour bookings, 20 days out and beyond.
  const starts: string[] = [];
  for (let day = 20; starts.length < 200; day++) {
    for (let hour = 9; hour < 16; hour++) {
      starts.push(
        new Date(localToInstant("Europe/London", addDays(today, day), hour * 60 + 30)).toISOString(),
      );
    }
  }
  let created = 0;
  let next = 0;
  const statuses = new Map<number, number>();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async (_, worker) => {
      while (next < starts.length) {
        const start = starts[next++];
        const res = await fetch(`${url}/api/v1/public/tenants/${slug}/bookings`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": `10.200.${worker}.${next % 250}`,
          },
          body: JSON.stringify({
            service_id: serviceId,
            start,
            customer: { name: "Bench", email: `b${next}@example.test` },
          }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) created++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`booking creation: ${starts.length} POSTs on distinct slots, 10 concurrent clients`);
  console.log(
    `  ${created} created in ${seconds.toFixed(1)} s = ${(created / seconds).toFixed(1)} bookings/s`,
  );
}

async function main() {
  console.log(
    `backend: ${process.env.DATABASE_URL ? "Postgres" : "embedded PGlite (in memory)"}; node ${process.version}`,
  );
  const { slug, serviceId } = await seed();
  await benchEngine(slug, serviceId);
  const app = await startApp();
  if (app) {
    await benchEndpoint(app.url, slug, serviceId, 7);
    await benchEndpoint(app.url, slug, serviceId, 30);
    await benchBookings(app.url, slug, serviceId);
    app.close();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
