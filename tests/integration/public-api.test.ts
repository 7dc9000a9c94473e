import { randomInt, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancel } from "@/app/api/v1/public/bookings/[id]/cancel/route";
import { POST as reschedule } from "@/app/api/v1/public/bookings/[id]/reschedule/route";
import { GET as getBooking } from "@/app/api/v1/public/bookings/[id]/route";
import { GET as availability } from "@/app/api/v1/public/tenants/[slug]/availability/route";
import { POST as createBooking } from "@/app/api/v1/public/tenants/[slug]/bookings/route";
import { GET as getTenant } from "@/app/api/v1/public/tenants/[slug]/route";
import { GET as staffOf } from "@/app/api/v1/public/tenants/[slug]/services/[serviceId]/staff/route";
import { GET as serviceList } from "@/app/api/v1/public/tenants/[slug]/services/route";
import { closeCache } from "@/lib/cache";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { addDays, localDateOf, localToInstant } from "@/lib/scheduling";
import { createPractice, type TestPractice, unique } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

const BASE = "http://localhost:3000/api/v1/public";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the matchers, not the compiler.
type Answer = { status: number; headers: Headers; body: any };

/** A random client address, so one test's requests never spend another's rate-limit quota. */
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function call<P>(
  handler: Handler<P>,
  params: P,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { method = init.body === undefined ? "GET" : "POST", body, headers = {} } = init;
  const request = new Request(`${BASE}${path}`, {
    method,
    headers: { "x-forwarded-for": randomIp(), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const res = await handler(request, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

let a: TestPractice;
let b: TestPractice;
let sa: TestSchedule;
let sb: TestSchedule;
let hiddenServiceId: string;
let inactiveServiceId: string;

/** An hour boundary two days ahead plus `hours` (UTC): inside the test staff's 24/7 hours. */
function at(hours: number, minutes = 0): Date {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + (48 + hours) * 3_600_000 + minutes * 60_000);
}
const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");

const guest = (email = `${unique("guest")}@example.test`) => ({
  name: "Gail Guest",
  email,
  phone: "+44 20 7946 0123",
});

/** A string body is sent as is (malformed JSON); anything else as JSON. */
function book(practice: TestPractice, body: unknown, headers: Record<string, string> = {}) {
  return call(createBooking, { slug: practice.slug }, `/tenants/${practice.slug}/bookings`, {
    body,
    headers,
  });
}
const manage = (token: string) => ({ authorization: `Bearer ${token}` });
const idp = (id: string) => ({ id });

/** Anonymous visitors see a practice only once its (verified) owner publishes the booking page. */
function publish(practice: TestPractice) {
  return withSystem("test publishes a booking page", async (tx) => {
    await tx
      .update(tables.users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(tables.users.id, practice.owner.userId));
    await tx
      .update(tables.tenants)
      .set({ publishedAt: new Date() })
      .where(eq(tables.tenants.id, practice.tenantId));
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createPractice(), createPractice({ timeZone: "America/New_York" })]);
  await Promise.all([a, b].map(publish));
  sa = await createSchedule(a.tenantId);
  sb = await createSchedule(b.tenantId);
  [hiddenServiceId, inactiveServiceId] = [randomUUID(), randomUUID()];
  await withSystem("test adds unlisted services", async (tx) => {
    const base = { tenantId: a.tenantId, currency: "GBP", durationMinutes: 30, minNoticeMinutes: 0 };
    await tx.insert(tables.services).values([
      { ...base, id: hiddenServiceId, name: "Staff-only", isPublic: false },
      { ...base, id: inactiveServiceId, name: "Retired", isActive: false },
    ]);
    await tx.insert(tables.serviceStaff).values(
      [hiddenServiceId, inactiveServiceId].map((serviceId) => ({
        tenantId: a.tenantId,
        serviceId,
        staffId: sa.staffIds[0] as string,
      })),
    );
  });
});
afterAll(async () => {
  await closeCache();
  await closeDatabase();
});

function expectProblem(answer: Answer, status: number, type: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ status, type: expect.stringMatching(new RegExp(`/${type}$`)) });
  expect(answer.body.request_id).toBeTruthy();
}
const fields = (answer: Answer) => (answer.body.errors ?? []).map((e: { field: string }) => e.field);

describe("catalogue", () => {
  it("GET tenants/{slug} answers the public profile, embeddable and rate-limited", async () => {
    const res = await call(getTenant, { slug: a.slug }, `/tenants/${a.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      slug: a.slug,
      name: `Practice ${a.slug}`,
      time_zone: "Europe/London",
      currency: "GBP",
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("ratelimit-policy")).toBe('"public-read";q=120;w=60');
    expect(res.headers.get("ratelimit")).toMatch(/^"public-read";r=119;t=\d+$/);
  });

  it("unknown and malformed slugs are the same 404", async () => {
    const missing = await call(getTenant, { slug: "no-such-practice" }, "/tenants/no-such-practice");
    expectProblem(missing, 404, "not-found");
    const malformed = await call(getTenant, { slug: "Bad_Slug!" }, "/tenants/Bad_Slug!");
    expectProblem(malformed, 404, "not-found");
    expect(malformed.body.detail).toBe(missing.body.detail);
    expect(missing.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("an unpublished practice is invisible and takes no bookings", async () => {
    const hidden = await createPractice();
    const schedule = await createSchedule(hidden.tenantId);
    expectProblem(await call(getTenant, { slug: hidden.slug }, `/tenants/${hidden.slug}`), 404, "not-found");
    const body = { service_id: schedule.serviceId, start: iso(at(2)), customer: guest() };
    expectProblem(await book(hidden, body), 404, "not-found");
    await publish(hidden);
    expect((await call(getTenant, { slug: hidden.slug }, `/tenants/${hidden.slug}`)).status).toBe(200);
    expect((await book(hidden, body)).status).toBe(201);
  });

  it("GET services lists only active, public services", async () => {
    const res = await call(serviceList, { slug: a.slug }, `/tenants/${a.slug}/services`);
    expect(res.status).toBe(200);
    const ids = res.body.data.map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual([sa.serviceId, sa.groupServiceId, sa.roomServiceId].sort());
    expect(res.body.data.find((s: { id: string }) => s.id === sa.groupServiceId)).toEqual({
      id: sa.groupServiceId,
      name: "Yoga class",
      description: "",
      duration_minutes: 60,
      price_cents: 1500,
      currency: "GBP",
      capacity: 3,
    });
  });

  it("GET services/{id}/staff lists who performs it; hidden, foreign and malformed ids are 404", async () => {
    const path = (id: string) => `/tenants/${a.slug}/services/${id}/staff`;
    const res = await call(staffOf, { slug: a.slug, serviceId: sa.serviceId }, path(sa.serviceId));
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data.map((s: { id: string }) => s.id).sort()).toEqual([...sa.staffIds].sort());
    expect(res.body.data[0]).toEqual({ id: expect.any(String), name: "Staff 1" });
    for (const id of [hiddenServiceId, inactiveServiceId, sb.serviceId, "not-a-uuid"]) {
      expectProblem(await call(staffOf, { slug: a.slug, serviceId: id }, path(id)), 404, "not-found");
    }
  });
});

describe("availability", () => {
  const query = (practice: TestPractice, q: Record<string, string>) =>
    call(
      availability,
      { slug: practice.slug },
      `/tenants/${practice.slug}/availability?${new URLSearchParams(q)}`,
    );

  it("lists the day's slots in the practice's zone, in UTC with Z, minus booked time", async () => {
    const taken = at(30);
    const staff0 = sa.staffIds[0] as string;
    expect(
      (await book(a, { service_id: sa.serviceId, start: iso(taken), staff_id: staff0, customer: guest() }))
        .status,
    ).toBe(201);
    const day = localDateOf(taken.getTime(), "Europe/London");
    const res = await query(a, { service_id: sa.serviceId, from: day, to: day });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.body.time_zone).toBe("Europe/London");
    const first = res.body.data[0];
    expect(first.start).toBe(iso(new Date(localToInstant("Europe/London", day, 0))));
    expect(first).toEqual({
      start: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/),
      end: iso(new Date(Date.parse(first.start) + 3_600_000)),
      staff_ids: [...sa.staffIds].sort(),
      seats_left: 1,
    });
    const slot = res.body.data.find((s: { start: string }) => s.start === iso(taken));
    expect(slot.staff_ids).toEqual(sa.staffIds.filter((id) => id !== staff0));

    const onlyStaff0 = await query(a, { service_id: sa.serviceId, from: day, to: day, staff_id: staff0 });
    expect(onlyStaff0.body.data.find((s: { start: string }) => s.start === iso(taken))).toBeUndefined();
    expect(onlyStaff0.body.data.length).toBeGreaterThan(0);
  });

  it("reads local dates in the requested zone and states it", async () => {
    const day = localDateOf(at(24 * 6).getTime(), "America/New_York");
    const res = await query(a, {
      service_id: sa.serviceId,
      from: day,
      to: day,
      time_zone: "America/New_York",
    });
    expect(res.status).toBe(200);
    expect(res.body.time_zone).toBe("America/New_York");
    const dayStart = localToInstant("America/New_York", day, 0);
    const dayEnd = localToInstant("America/New_York", addDays(day, 1), 0);
    expect(res.body.data[0].start).toBe(iso(new Date(dayStart)));
    for (const s of res.body.data) {
      expect(Date.parse(s.start)).toBeGreaterThanOrEqual(dayStart);
      expect(Date.parse(s.start)).toBeLessThan(dayEnd);
    }
  });

  it("shows seats left for a group session", async () => {
    const start = at(33);
    const staff0 = sa.staffIds[0] as string;
    await book(a, { service_id: sa.groupServiceId, start: iso(start), staff_id: staff0, customer: guest() });
    const day = localDateOf(start.getTime(), "Europe/London");
    const res = await query(a, { service_id: sa.groupServiceId, from: day, to: day, staff_id: staff0 });
    expect(res.body.data.find((s: { start: string }) => s.start === iso(start)).seats_left).toBe(2);
  });

  it("refuses bad queries with 422 and field errors, never 500", async () => {
    const day = localDateOf(at(24).getTime(), "Europe/London");
    const ok = { service_id: sa.serviceId, from: day, to: day };
    const cases: [Record<string, string>, string][] = [
      [{ from: day, to: day }, "service_id"],
      [{ ...ok, service_id: "nope" }, "service_id"],
      [{ ...ok, from: "2026-02-30" }, "from"],
      [{ ...ok, from: "2026-13-01" }, "from"],
      [{ ...ok, from: "0000-01-01" }, "from"],
      [{ ...ok, to: "tomorrow" }, "to"],
      [{ ...ok, time_zone: "Mars/Olympus_Mons" }, "time_zone"],
      [{ ...ok, staff_id: "12" }, "staff_id"],
      [{ ...ok, from: addDays(day, 1) }, "to"],
      [{ ...ok, to: addDays(day, 62) }, "to"],
    ];
    for (const [q, field] of cases) {
      const res = await query(a, q);
      expectProblem(res, 422, "validation-failed");
      expect(fields(res)).toContain(field);
    }
    // 62 days counting both ends is the most allowed.
    expect((await query(a, { ...ok, to: addDays(day, 61) })).status).toBe(200);
  });

  it("a service or staff member of another practice is a 404", async () => {
    const day = localDateOf(at(24).getTime(), "Europe/London");
    expectProblem(await query(a, { service_id: sb.serviceId, from: day, to: day }), 404, "not-found");
    expectProblem(await query(a, { service_id: hiddenServiceId, from: day, to: day }), 404, "not-found");
    const foreignStaff = { service_id: sa.serviceId, from: day, to: day, staff_id: sb.staffIds[0] as string };
    expectProblem(await query(a, foreignStaff), 404, "not-found");
  });
});

describe("creating bookings", () => {
  it("answers 201 with the booking, a manage token and the rate-limit headers", async () => {
    const staff0 = sa.staffIds[0] as string;
    const res = await book(a, {
      service_id: sa.serviceId,
      start: iso(at(1)),
      staff_id: staff0,
      customer: guest(),
      notes: "Left shoulder",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      status: "confirmed",
      service_id: sa.serviceId,
      staff_id: staff0,
      start: iso(at(1)),
      end: iso(at(2)),
      price_cents: 6000,
      currency: "GBP",
      manage_token: expect.stringMatching(/^[A-Za-z0-9_-]{22,}$/),
    });
    expect(res.headers.get("ratelimit-policy")).toBe('"public-write";q=20;w=60');
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const [row] = await withSystem("test reads the booking", (tx) =>
      tx.select().from(tables.bookings).where(eq(tables.bookings.id, res.body.id)),
    );
    expect(row).toMatchObject({ source: "public", notes: "Left shoulder", tenantId: a.tenantId });
  });

  it("a taken slot is a 409 slot-unavailable", async () => {
    const body = { service_id: sa.serviceId, start: iso(at(3)), staff_id: sa.staffIds[0], customer: guest() };
    expect((await book(a, body)).status).toBe(201);
    const again = await book(a, { ...body, customer: guest() });
    expectProblem(again, 409, "slot-unavailable");
    // Nor is a time off the service's grid, or one long past.
    expectProblem(await book(a, { ...body, start: "2001-01-01T09:00:00Z" }), 409, "slot-unavailable");
    expectProblem(await book(a, { ...body, start: iso(at(20, 7)) }), 409, "slot-unavailable");
  });

  it("an unknown slug, or a service or staff member of another practice, is a 404", async () => {
    const body = { service_id: sb.serviceId, start: iso(at(4)), customer: guest() };
    expectProblem(await book(a, body), 404, "not-found");
    expectProblem(await book(a, { ...body, service_id: hiddenServiceId }), 404, "not-found");
    expectProblem(
      await book(a, { ...body, service_id: sa.serviceId, staff_id: sb.staffIds[0] }),
      404,
      "not-found",
    );
    expectProblem(await book({ ...b, slug: "no-such-practice" }, body), 404, "not-found");
    expectProblem(await book({ ...b, slug: "NOPE" }, body), 404, "not-found");
  });

  it("malformed JSON and wrong types are 422 with field errors, never 500", async () => {
    const bad = await book(a, "{not json");
    expectProblem(bad, 422, "validation-failed");
    expect(fields(bad)).toEqual(["body"]);
    for (const body of ["[]", "null", "42"]) {
      expectProblem(await book(a, body), 422, "validation-failed");
    }
    const wrong = await book(a, {
      service_id: 5,
      start: "tomorrow at nine",
      staff_id: "someone",
      customer: { name: "", email: "nope", phone: 7 },
      notes: ["x"],
    });
    expectProblem(wrong, 422, "validation-failed");
    expect(fields(wrong).sort()).toEqual(
      [
        "customer.email",
        "customer.name",
        "customer.phone",
        "notes",
        "service_id",
        "staff_id",
        "start",
      ].sort(),
    );
    expect(fields(await book(a, { service_id: sa.serviceId, start: iso(at(4)) }))).toEqual(["customer"]);
    const ancient = await book(a, {
      service_id: sa.serviceId,
      start: "0001-01-01T00:00:00Z",
      customer: guest(),
    });
    expect(fields(ancient)).toEqual(["start"]);
  });
});

describe("Idempotency-Key", () => {
  const body = () => ({ service_id: sa.serviceId, start: iso(at(5)), customer: guest("idem@example.test") });
  const activeAt = (tenantId: string, start: Date) =>
    withSystem("test counts bookings", (tx) =>
      tx
        .select({ id: tables.bookings.id })
        .from(tables.bookings)
        .where(
          and(
            eq(tables.bookings.tenantId, tenantId),
            eq(tables.bookings.startAt, start),
            inArray(tables.bookings.status, ["pending", "confirmed"]),
          ),
        ),
    );

  it("replays the first response for the same key and body; another body is a 422", async () => {
    const key = unique("key");
    const first = await book(a, body(), { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // Key order and whitespace do not matter: the parsed body is what is compared.
    const { customer, ...rest } = body();
    const replay = await book(
      a,
      { customer: { ...customer, name: " Gail Guest " }, ...rest },
      { "idempotency-key": key },
    );
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await activeAt(a.tenantId, at(5))).toHaveLength(1);

    const other = await book(a, { ...body(), notes: "different" }, { "idempotency-key": key });
    expectProblem(other, 422, "validation-failed");
    expect(fields(other)).toEqual(["Idempotency-Key"]);
    expect(await activeAt(a.tenantId, at(5))).toHaveLength(1);
  });

  it("concurrent requests with one key book once and answer alike", async () => {
    const key = unique("key");
    const payload = { ...body(), start: iso(at(6)) };
    const answers = await Promise.all([1, 2, 3].map(() => book(a, payload, { "idempotency-key": key })));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await activeAt(a.tenantId, at(6))).toHaveLength(1);
  });

  it("a key older than 24 hours is forgotten and starts afresh", async () => {
    const key = unique("key");
    const first = await book(a, { ...body(), start: iso(at(25)) }, { "idempotency-key": key });
    expect(first.status).toBe(201);
    await withSystem("test ages an idempotency key", (tx) =>
      tx
        .update(tables.idempotencyKeys)
        .set({ createdAt: new Date(Date.now() - 25 * 3_600_000) })
        .where(and(eq(tables.idempotencyKeys.tenantId, a.tenantId), eq(tables.idempotencyKeys.key, key))),
    );
    const later = await book(a, { ...body(), start: iso(at(27)) }, { "idempotency-key": key });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect((await book(a, { ...body(), start: iso(at(27)) }, { "idempotency-key": key })).body).toEqual(
      later.body,
    );
  });

  it("keys belong to one practice, a failed attempt stores nothing, and bad keys are 422", async () => {
    const key = unique("key");
    const inB = { service_id: sb.serviceId, start: iso(at(21)), customer: guest() };
    expect((await book(b, inB, { "idempotency-key": key })).status).toBe(201);
    // At practice A the same key is another key; a 409 there stores nothing, so a corrected retry runs.
    const taken = {
      service_id: sa.serviceId,
      start: iso(at(21)),
      staff_id: sa.staffIds[0],
      customer: guest(),
    };
    expect((await book(a, taken)).status).toBe(201);
    expectProblem(await book(a, taken, { "idempotency-key": key }), 409, "slot-unavailable");
    const retry = await book(a, { ...taken, staff_id: sa.staffIds[1] }, { "idempotency-key": key });
    expect(retry.status).toBe(201);
    expect(retry.body.staff_id).toBe(sa.staffIds[1]);

    for (const bad of ["x".repeat(201), "   "]) {
      const res = await book(a, body(), { "idempotency-key": bad });
      expectProblem(res, 422, "validation-failed");
      expect(fields(res)).toEqual(["Idempotency-Key"]);
    }
  });
});

describe("managing a booking by its token", () => {
  async function newBooking(start: Date, staffId = sa.staffIds[0]) {
    const res = await book(a, {
      service_id: sa.serviceId,
      start: iso(start),
      staff_id: staffId,
      customer: guest(),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; manage_token: string; start: string };
  }
  const get = (id: string, headers: Record<string, string> = {}) =>
    call(getBooking, idp(id), `/bookings/${id}`, { headers });

  it("GET shows the booking with its practice and zone", async () => {
    const booking = await newBooking(at(40));
    const res = await get(booking.id, manage(booking.manage_token));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.body).toEqual({
      id: booking.id,
      status: "confirmed",
      service_id: sa.serviceId,
      service_name: "Massage",
      staff_id: sa.staffIds[0],
      staff_name: expect.stringMatching(/^Staff \d$/),
      start: iso(at(40)),
      end: iso(at(41)),
      price_cents: 6000,
      currency: "GBP",
      time_zone: "Europe/London",
      practice: { slug: a.slug, name: `Practice ${a.slug}` },
      payment: {
        status: "not_required",
        amount_due_cents: 0,
        amount_paid_cents: 0,
        amount_refunded_cents: 0,
        currency: "GBP",
      },
      policy: {
        rules: expect.objectContaining({ no_show_fee: null }),
        summary: expect.arrayContaining(["At least 24 hours before: full refund."]),
        cancel_online_until: iso(at(40)),
      },
    });
  });

  it("a wrong, missing or foreign token, an unknown id and a malformed id are the same 404", async () => {
    const mine = await newBooking(at(40, 15), sa.staffIds[1]);
    const theirs = await book(b, { service_id: sb.serviceId, start: iso(at(40)), customer: guest() });
    const answers = [
      await get(mine.id, manage(theirs.body.manage_token)),
      await get(theirs.body.id, manage(mine.manage_token)),
      await get(mine.id),
      await get(mine.id, { authorization: `Basic ${mine.manage_token}` }),
      await get(mine.id, manage("x".repeat(32))),
      await get(randomUUID(), manage(mine.manage_token)),
      await get("not-a-uuid", manage(mine.manage_token)),
    ];
    for (const res of answers) {
      expectProblem(res, 404, "not-found");
      expect(res.body.detail).toBe("Booking not found");
    }
    // Nor can a foreign token cancel or move it.
    expectProblem(
      await call(cancel, idp(mine.id), `/bookings/${mine.id}/cancel`, {
        body: {},
        headers: manage(theirs.body.manage_token),
      }),
      404,
      "not-found",
    );
    expectProblem(
      await call(reschedule, idp(mine.id), `/bookings/${mine.id}/reschedule`, {
        body: { start: iso(at(54)) },
        headers: manage(theirs.body.manage_token),
      }),
      404,
      "not-found",
    );
    expect((await get(mine.id, manage(mine.manage_token))).body.status).toBe("confirmed");
  });

  it("cancelling twice is harmless, and the slot is bookable again", async () => {
    const booking = await newBooking(at(42));
    const path = `/bookings/${booking.id}/cancel`;
    const first = await call(cancel, idp(booking.id), path, {
      body: { reason: "Feeling better" },
      headers: manage(booking.manage_token),
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("cancelled");
    const second = await call(cancel, idp(booking.id), path, {
      method: "POST",
      headers: manage(booking.manage_token),
    });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const [row] = await withSystem("test reads the cancellation", (tx) =>
      tx.select().from(tables.bookings).where(eq(tables.bookings.id, booking.id)),
    );
    expect(row).toMatchObject({ cancelReason: "Feeling better", cancelledBy: "customer" });
    expect((await newBooking(at(42))).start).toBe(iso(at(42)));

    const bad = await call(cancel, idp(booking.id), path, {
      body: "{oops",
      headers: manage(booking.manage_token),
    });
    expectProblem(bad, 422, "validation-failed");
  });

  it("reschedules to a free time; a conflict is a 409 and the original stands", async () => {
    const booking = await newBooking(at(44));
    const blocker = await newBooking(at(48));
    const path = `/bookings/${booking.id}/reschedule`;
    const moved = await call(reschedule, idp(booking.id), path, {
      body: { start: iso(at(46)) },
      headers: manage(booking.manage_token),
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: booking.id,
      start: iso(at(46)),
      end: iso(at(47)),
      staff_id: sa.staffIds[0],
    });

    const clash = await call(reschedule, idp(booking.id), path, {
      body: { start: iso(at(48)), staff_id: sa.staffIds[0] },
      headers: manage(booking.manage_token),
    });
    expectProblem(clash, 409, "slot-unavailable");
    const after = await get(booking.id, manage(booking.manage_token));
    expect(after.body).toMatchObject({ start: iso(at(46)), staff_id: sa.staffIds[0], status: "confirmed" });
    expect((await get(blocker.id, manage(blocker.manage_token))).body.start).toBe(iso(at(48)));

    const foreignStaff = await call(reschedule, idp(booking.id), path, {
      body: { start: iso(at(45)), staff_id: sb.staffIds[0] },
      headers: manage(booking.manage_token),
    });
    expectProblem(foreignStaff, 404, "not-found");
    for (const body of ["{", { start: "soon" }, { start: iso(at(45)), staff_id: 3 }, {}]) {
      const res = await call(reschedule, idp(booking.id), path, {
        body,
        headers: manage(booking.manage_token),
      });
      expectProblem(res, 422, "validation-failed");
    }
  });

  it("a cancelled or already started booking cannot be changed online (409)", async () => {
    const booking = await newBooking(at(50));
    const headers = manage(booking.manage_token);
    await call(cancel, idp(booking.id), `/bookings/${booking.id}/cancel`, { body: {}, headers });
    const res = await call(reschedule, idp(booking.id), `/bookings/${booking.id}/reschedule`, {
      body: { start: iso(at(51)) },
      headers,
    });
    expectProblem(res, 409, "conflict");

    const started = await newBooking(at(52));
    await withSystem("test moves a booking into the past", (tx) =>
      tx
        .update(tables.bookings)
        .set({ startAt: new Date(Date.now() - 600_000), endAt: new Date(Date.now() + 3_000_000) })
        .where(eq(tables.bookings.id, started.id)),
    );
    const late = await call(cancel, idp(started.id), `/bookings/${started.id}/cancel`, {
      body: {},
      headers: manage(started.manage_token),
    });
    expectProblem(late, 409, "conflict");
  });
});

describe("rate limits", () => {
  it("refuses the 21st write a minute from one IP with 429, Retry-After and the quota headers", async () => {
    const ip = randomIp();
    const headers = { "x-forwarded-for": `198.51.100.1, ${ip}` };
    for (let i = 0; i < 20; i++) {
      expect((await book(a, "{", headers)).status).toBe(422);
    }
    const refused = await book(a, "{", headers);
    expectProblem(refused, 429, "rate-limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("ratelimit-policy")).toBe('"public-write";q=20;w=60');
    expect(refused.headers.get("ratelimit")).toMatch(/^"public-write";r=0;t=\d+$/);
    // Reads have their own, larger quota; another IP is unaffected.
    expect((await call(getTenant, { slug: a.slug }, `/tenants/${a.slug}`, { headers })).status).toBe(200);
    expect((await book(a, "{")).status).toBe(422);
  });

  it("refuses reads past 120 a minute, with CORS still readable", async () => {
    const headers = { "x-forwarded-for": randomIp() };
    for (let i = 0; i < 120; i++) {
      expect((await call(getTenant, { slug: "-" }, "/tenants/-", { headers })).status).toBe(404);
    }
    const refused = await call(getTenant, { slug: a.slug }, `/tenants/${a.slug}`, { headers });
    expectProblem(refused, 429, "rate-limited");
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });
});
