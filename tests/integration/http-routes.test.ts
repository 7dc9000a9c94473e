import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { closeCache } from "@/lib/cache";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, connection } from "@/lib/db";
import { json, route } from "@/lib/http";

const originalRedis = process.env.REDIS_URL;
afterEach(async () => {
  if (originalRedis === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = originalRedis;
  resetConfigForTests();
  await closeCache();
});
// Readiness allows the database 3 s; start it first so a cold PGlite start is not what is measured.
beforeAll(() => connection());
afterAll(closeDatabase);

describe("health and readiness", () => {
  it("GET /api/health answers ok", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready is 200 when the database answers", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect((await res.json()).checks.database).toBe("ok");
  });

  it("GET /api/ready is 503 naming Redis when a configured Redis is down", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    resetConfigForTests();
    await closeCache();
    const res = await ready();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.failing).toEqual(["redis"]);
    expect(body.checks.database).toBe("ok");
  });
});

describe("route wrapper", () => {
  const echo = route(async ({ json: parse }) => {
    const { z } = await import("zod");
    const body = await parse(z.object({ n: z.number() }));
    return json({ n: body.n });
  });
  const call = (init: RequestInit) =>
    echo(new Request("http://localhost:3000/x", init), { params: Promise.resolve({}) });

  it("refuses a cookie-authenticated POST from a foreign origin with problem+json 403", async () => {
    const res = await call({
      method: "POST",
      headers: { cookie: "boka_session=abc", origin: "https://evil.example", host: "localhost:3000" },
      body: JSON.stringify({ n: 1 }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("turns malformed JSON and wrong types into 422 with field errors, never 500", async () => {
    const bad = await call({ method: "POST", body: "{not json" });
    expect(bad.status).toBe(422);
    const wrong = await call({ method: "POST", body: JSON.stringify({ n: "one" }) });
    expect(wrong.status).toBe(422);
    const problem = await wrong.json();
    expect(problem).toMatchObject({ status: 422, errors: [{ field: "n" }] });
    expect(problem.request_id).toBeTruthy();
  });

  it("hides unexpected errors behind a 500 problem with no internals", async () => {
    const boom = route(async () => {
      throw new Error("secret stack detail");
    });
    const res = await boom(new Request("http://localhost/x"), { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret");
  });
});
