import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, describeError, publicApi, SLOT_TAKEN_MESSAGE } from "./api";

type Call = { url: string; init: RequestInit };

function stubFetch(response: () => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  });
  return calls;
}

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });

afterEach(() => vi.unstubAllGlobals());

describe("publicApi", () => {
  it("asks for availability with the contract's query names", async () => {
    const calls = stubFetch(() => Response.json({ time_zone: "America/New_York", data: [] }));
    await publicApi.availability("demo", {
      serviceId: "svc",
      from: "2026-06-01",
      to: "2026-06-07",
      timeZone: "America/New_York",
      staffId: "st",
    });
    const url = new URL(calls[0]?.url ?? "", "http://x");
    expect(url.pathname).toBe("/api/v1/public/tenants/demo/availability");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      service_id: "svc",
      from: "2026-06-01",
      to: "2026-06-07",
      time_zone: "America/New_York",
      staff_id: "st",
    });
  });

  it("sends the Idempotency-Key with a booking and the Bearer token to manage routes", async () => {
    const calls = stubFetch(() => Response.json({ id: "b1" }, { status: 201 }));
    await publicApi.book(
      "demo",
      { service_id: "svc", start: "2026-06-01T09:00:00Z", customer: { name: "A", email: "a@b.co" } },
      "key-1",
    );
    await publicApi.cancel("b1", "tok", "ill");
    const [book, cancel] = calls;
    const headers = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;
    expect(book?.url).toBe("/api/v1/public/tenants/demo/bookings");
    expect(book?.init.method).toBe("POST");
    expect(headers(book)["idempotency-key"]).toBe("key-1");
    expect(JSON.parse(String(book?.init.body))).toMatchObject({ service_id: "svc" });
    expect(cancel?.url).toBe("/api/v1/public/bookings/b1/cancel");
    expect(headers(cancel).authorization).toBe("Bearer tok");
    expect(JSON.parse(String(cancel?.init.body))).toEqual({ reason: "ill" });
  });

  it("turns problem+json into an ApiError that knows a taken slot", async () => {
    stubFetch(() =>
      problem(409, { type: "https://boka.dev/problems/slot-unavailable", title: "Gone", status: 409 }),
    );
    const error = await publicApi.booking("b1", "tok").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).slotUnavailable).toBe(true);
    expect(describeError(error)).toBe(SLOT_TAKEN_MESSAGE);
  });

  it("a plain conflict is not a taken slot", async () => {
    stubFetch(() =>
      problem(409, {
        type: "https://boka.dev/problems/conflict",
        title: "No",
        status: 409,
        detail: "A completed booking cannot be cancelled.",
      }),
    );
    const error = (await publicApi.cancel("b1", "tok").catch((e: unknown) => e)) as ApiError;
    expect(error.slotUnavailable).toBe(false);
    expect(describeError(error)).toBe("A completed booking cannot be cancelled.");
  });

  it("reports Retry-After on 429 and a network failure as status 0", async () => {
    stubFetch(() =>
      problem(429, { type: "x/too-many-requests", title: "Slow down", status: 429 }, { "retry-after": "12" }),
    );
    const limited = (await publicApi.staff("demo", "svc").catch((e: unknown) => e)) as ApiError;
    expect(limited.retryAfterSeconds).toBe(12);
    expect(describeError(limited)).toMatch(/12 seconds/);

    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    const offline = (await publicApi.staff("demo", "svc").catch((e: unknown) => e)) as ApiError;
    expect(offline.status).toBe(0);
    expect(describeError(offline)).toMatch(/connection/);
  });

  it("a server error quotes the request id, never internals", async () => {
    stubFetch(() =>
      problem(500, {
        type: "x/internal",
        title: "Oops",
        status: 500,
        detail: "stack",
        request_id: "req-123",
      }),
    );
    const error = await publicApi.staff("demo", "svc").catch((e: unknown) => e);
    expect(describeError(error)).toBe(
      "Something went wrong on our side. Please try again (reference req-123).",
    );
  });
});
