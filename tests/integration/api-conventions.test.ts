/**
 * The conventions every team API answer follows: per-key rate limits with the IETF RateLimit headers
 * (the 601st request in a minute is a 429), Idempotency-Key on POST and PATCH (replay, other body 422,
 * in flight 409, concurrent repeats run once), X-Request-Id and `Cache-Control: private, no-store` on
 * successes and errors alike.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchCustomer } from "@/app/api/v1/customers/[id]/route";
import { POST as createCustomer } from "@/app/api/v1/customers/route";
import { GET as services } from "@/app/api/v1/services/route";
import { GET as team } from "@/app/api/v1/team/route";
import { createApiKey } from "@/lib/api-keys";
import type { Scope } from "@/lib/api-keys/fields";
import { closeCache, redisClient } from "@/lib/cache";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { claimIdempotencyKey, requestHash } from "@/lib/http";
import { createLimiter } from "@/lib/rate-limit";
import { createPractice, type TestPractice, unique } from "../support/factory";
import { signedInAs, withApiKey } from "../support/http";
import { createSchedule } from "../support/schedule";

afterAll(async () => {
  await closeDatabase();
  await closeCache();
});

let practice: TestPractice;
beforeAll(async () => {
  practice = await createPractice();
  await createSchedule(practice.tenantId);
});

const newKey = async (scopes: Scope[], rateLimitPerMinute?: number) => {
  const { key, secret } = await createApiKey(practice.owner.actor, {
    name: unique("k"),
    scopes,
    rateLimitPerMinute,
  });
  return { id: key.id, secret, api: withApiKey(secret) };
};

const customerCount = (email: string) =>
  withSystem(
    "test counts customers by email",
    async (tx) => (await tx.select().from(tables.customers).where(eq(tables.customers.email, email))).length,
  );

/** A fresh Redis client answers from the in-process insurance until connected: let Redis do the counting. */
const ready = async () => {
  const redis = redisClient();
  if (redis && redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
};

describe("per-key rate limits", () => {
  beforeAll(ready);

  it("600 requests a minute pass with the RateLimit headers; the 601st is a 429 with Retry-After", async () => {
    const { id, api } = await newKey(["catalogue:read"]);
    const first = await api.call(services, "/api/v1/services");
    expect(first.headers.get("ratelimit-policy")).toBe('"api-key";q=600;w=60');
    expect(first.headers.get("ratelimit")).toMatch(/^"api-key";r=599;t=\d+$/);
    // 600 sequential requests can outlast the one-minute window on a loaded machine (the window would
    // roll over mid-test), so 540 of them are spent on the route's own limiter, in one call.
    const limiter = createLimiter({
      keyPrefix: "api-key-600",
      points: 600,
      durationSeconds: 60,
      policyName: "api-key",
    });
    await limiter.consume(`key:${id}`, 540);
    for (let n = 542; n <= 600; n++) {
      const res = await api.call(services, "/api/v1/services");
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit")).toMatch(new RegExp(`^"api-key";r=${600 - n};t=\\d+$`));
    }
    const refused = await api.call(services, "/api/v1/services");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("ratelimit-policy")).toBe('"api-key";q=600;w=60');
    expect(refused.headers.get("ratelimit")).toMatch(/^"api-key";r=0;t=\d+$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
    const body = await refused.json();
    expect(body.type).toMatch(/\/rate-limited$/);
    expect(body.request_id).toBe(refused.headers.get("x-request-id"));
  });

  it("an owner's limit for one key applies to that key alone", async () => {
    const slow = await newKey(["catalogue:read"], 3);
    const other = await newKey(["catalogue:read"], 3);
    for (let n = 0; n < 3; n++) expect((await slow.api.call(services, "/api/v1/services")).status).toBe(200);
    const refused = await slow.api.call(services, "/api/v1/services");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-policy")).toBe('"api-key";q=3;w=60');
    expect((await other.api.call(services, "/api/v1/services")).status).toBe(200);
  });

  it.runIf(process.env.REDIS_URL)("two app instances on one Redis spend from one budget", async () => {
    const { api } = await newKey(["catalogue:read"], 10);
    await ready();
    for (let n = 0; n < 6; n++) expect((await api.call(services, "/api/v1/services")).status).toBe(200);
    // A second instance: a new Redis connection and none of the first one's in-process counters.
    await closeCache();
    (globalThis as { bokaMemoryLimiters?: Map<string, unknown> }).bokaMemoryLimiters = new Map();
    await ready();
    for (let n = 0; n < 4; n++) expect((await api.call(services, "/api/v1/services")).status).toBe(200);
    expect((await api.call(services, "/api/v1/services")).status).toBe(429);
  });
});

describe("Idempotency-Key on POST and PATCH", () => {
  const post = (api: ReturnType<typeof withApiKey>, key: string, body: unknown) =>
    api.call(createCustomer, "/api/v1/customers", {
      method: "POST",
      body,
      headers: { "idempotency-key": key },
    });

  it("a repeat replays the stored answer and creates nothing; another body is a 422", async () => {
    const { api } = await newKey(["customers:write"]);
    const email = `${unique("c")}@example.test`;
    const first = await post(api, "k-1", { name: "Ada Lovelace", email });
    expect(first.status).toBe(201);
    const again = await post(api, "k-1", { email, name: "Ada Lovelace" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await customerCount(email)).toBe(1);
    const other = await post(api, "k-1", { name: "Someone Else", email: `${unique("d")}@example.test` });
    expect(other.status).toBe(422);
    expect((await other.json()).errors[0].field).toBe("Idempotency-Key");
  });

  it("a request still running with the key is a 409; a failed one leaves the key free", async () => {
    const { id, api } = await newKey(["customers:write"]);
    const email = `${unique("c")}@example.test`;
    const body = { name: "Grace Hopper", email };
    const hash = requestHash({ method: "POST", path: "/api/v1/customers", body });
    const actor = {
      kind: "member" as const,
      userId: id,
      tenantId: practice.tenantId,
      role: "manager" as const,
    };
    await claimIdempotencyKey({ ...actor, apiKey: { id, scopes: [] } }, `team:key:${id}:busy`, hash);
    const busy = await post(api, "busy", body);
    expect(busy.status).toBe(409);
    expect(await customerCount(email)).toBe(0);
    const invalid = await post(api, "retry", { name: "", email });
    expect(invalid.status).toBe(422);
    expect((await post(api, "retry", body)).status).toBe(201);
  });

  it("concurrent repeats run once", async () => {
    const { api } = await newKey(["customers:write"]);
    const email = `${unique("c")}@example.test`;
    const body = { name: "Katherine Johnson", email };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(api, "same", body)));
    const fresh = answers.filter((r) => r.status === 201 && !r.headers.get("idempotent-replayed"));
    expect(fresh).toHaveLength(1);
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(await customerCount(email)).toBe(1);
  });

  it("PATCH replays a 204, and signed-in members get the same treatment", async () => {
    const browser = await signedInAs(practice.owner.userId, practice.tenantId);
    const created = await browser.call(createCustomer, "/api/v1/customers", {
      method: "POST",
      body: { name: "Mary Jackson", email: `${unique("m")}@example.test` },
    });
    const { id } = await created.json();
    const { api } = await newKey(["customers:write"]);
    const patch = () =>
      api.call(patchCustomer, `/api/v1/customers/${id}`, {
        method: "PATCH",
        body: { notes: "Prefers mornings" },
        params: { id },
        headers: { "idempotency-key": "p-1" },
      });
    expect((await patch()).status).toBe(204);
    const replay = await patch();
    expect(replay.status).toBe(204);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("request ids and caching on every answer", () => {
  it("successes and errors carry X-Request-Id (also in the problem) and Cache-Control: private, no-store", async () => {
    const { api } = await newKey(["catalogue:read"]);
    const answers = [
      await api.call(services, "/api/v1/services"),
      await withApiKey("boka_live_nope").call(services, "/api/v1/services"),
      await api.call(team, "/api/v1/team"),
      await api.call(createCustomer, "/api/v1/customers", { method: "POST", body: {} }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 403, 403]);
    for (const res of answers) {
      const id = res.headers.get("x-request-id");
      expect(id).toBeTruthy();
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      if (!res.ok) expect((await res.json()).request_id).toBe(id);
    }
  });
});
