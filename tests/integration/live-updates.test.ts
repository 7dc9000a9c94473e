/** Live updates on one instance: SSE headers, hints after a booking commits, Last-Event-ID, cleanup. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/v1/live/route";
import { GET as availabilityStream } from "@/app/api/v1/public/tenants/[slug]/services/[serviceId]/availability/stream/route";
import { sessionCookieName } from "@/lib/auth";
import { BOOKING_EVENT_TYPES, createBooking, registerBookingHandlers } from "@/lib/bookings";
import { findTenantBySlug, type TenantRecord } from "@/lib/catalogue";
import { closeDatabase, withSystem, withTenant } from "@/lib/db";
import { closeLiveUpdates, listenerCount, publishChange, startWorker, type Worker } from "@/lib/events";
import { nextEvent, waitFor } from "../support/events";
import { createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

let practice: TestPractice;
let tenant: TenantRecord;
let schedule: TestSchedule;
let worker: Worker;

beforeAll(async () => {
  practice = await createPractice({ published: true });
  schedule = await createSchedule(practice.tenantId);
  const found = await withSystem("test loads tenant", (tx) => findTenantBySlug(tx, practice.slug));
  if (!found) throw new Error("no tenant");
  tenant = found;
  registerBookingHandlers();
  worker = startWorker({ types: [...BOOKING_EVENT_TYPES], pollMs: 100 });
});
afterAll(async () => {
  await worker.stop();
  await closeLiveUpdates();
  await closeDatabase();
});

describe("the dashboard stream", () => {
  it("streams a hint after a booking commits, with SSE headers, and cleans up on disconnect", async () => {
    const owner = await signedInAs(practice.owner.userId, practice.tenantId);
    const before = listenerCount(practice.tenantId);
    const response = await owner.call(live, "/api/v1/live");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(listenerCount(practice.tenantId)).toBe(before + 1);

    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const { booking } = await withTenant(practice.owner.actor, (tx) =>
      createBooking(
        tx,
        tenant,
        {
          serviceId: schedule.serviceId,
          start,
          staffId: schedule.staffIds[0],
          customerId: schedule.customerId,
          source: "dashboard",
          holdForConfirmation: false,
          publicOnly: false,
        },
        `staff:${practice.owner.userId}`,
      ),
    );
    const hint = await nextEvent(
      response,
      (e) => (e.data as { booking_id?: string }).booking_id === booking.id,
    );
    expect(hint.event).toBe("changed");
    expect(hint.data).toMatchObject({ type: "booking.created", booking_id: booking.id });
    expect(Number(hint.id)).toBe((hint.data as { version: number }).version);

    await response.body?.cancel();
    await waitFor(async () => listenerCount(practice.tenantId) === before);
  });

  it("a reconnect with an older Last-Event-ID gets a resync hint at once; a current one does not", async () => {
    const owner = await signedInAs(practice.owner.userId, practice.tenantId);
    const version = Date.now() + 1_000_000;
    await publishChange({
      tenantId: practice.tenantId,
      channel: "bookings",
      message: { type: "booking.cancelled", version },
    });
    const reconnect = (lastEventId: number) =>
      live(
        new Request("http://localhost:3000/api/v1/live", {
          headers: { cookie: `${sessionCookieName()}=${owner.token}`, "last-event-id": String(lastEventId) },
        }),
        { params: Promise.resolve({}) },
      );
    const behind = await reconnect(version - 1);
    expect(behind.status).toBe(200);
    expect((await nextEvent(behind, () => true)).data).toEqual({ type: "resync", version });
    await behind.body?.cancel();

    const current = await reconnect(version);
    const next = { type: "booking.confirmed", version: version + 1 };
    await publishChange({ tenantId: practice.tenantId, channel: "bookings", message: next });
    expect((await nextEvent(current, () => true)).data).toEqual(next);
    await current.body?.cancel();
  });

  it("refuses an account outside any practice team; the public stream 404s an unknown service", async () => {
    const other = await createPractice();
    const stranger = await signedInAs(other.owner.userId, null);
    expect((await stranger.call(live, "/api/v1/live")).status).toBe(403);
    const missing = await availabilityStream(
      new Request(
        `http://localhost:3000/api/v1/public/tenants/${practice.slug}/services/x/availability/stream`,
      ),
      { params: Promise.resolve({ slug: practice.slug, serviceId: crypto.randomUUID() }) },
    );
    expect(missing.status).toBe(404);
  });
});

describe("the public availability stream", () => {
  it("hints the service's page when its availability changes", async () => {
    const response = await availabilityStream(new Request("http://localhost:3000/stream"), {
      params: Promise.resolve({ slug: practice.slug, serviceId: schedule.serviceId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    await publishChange({
      tenantId: practice.tenantId,
      channel: `availability:${crypto.randomUUID()}`,
      message: { type: "booking.created", version: 1 },
    });
    await publishChange({
      tenantId: practice.tenantId,
      channel: `availability:${schedule.serviceId}`,
      message: { type: "booking.created", version: 2 },
    });
    const hint = await nextEvent(response, () => true);
    expect(hint.data).toEqual({ type: "booking.created", version: 2 });
    await response.body?.cancel();
  });
});
