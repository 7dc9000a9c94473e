import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/feeds/[slug]/[file]/route";
import { bookForCustomer, bookingUid, cancelBookingAtDesk, rescheduleAtDesk } from "@/lib/bookings";
import type { DeskBookingFields } from "@/lib/bookings/fields";
import { issueFeed, listFeeds, revokeFeed } from "@/lib/calendar-sync";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { addDays, localDateOf } from "@/lib/scheduling";
import { addMember, createPractice, type TestPractice } from "../../support/factory";
import { createSchedule, type TestSchedule } from "../../support/schedule";

let practice: TestPractice;
let other: TestPractice;
let schedule: TestSchedule;
let staff: Awaited<ReturnType<typeof addMember>>;
let mine: string;
let theirs: string;
let day: string;

beforeAll(async () => {
  practice = await createPractice();
  other = await createPractice();
  schedule = await createSchedule(practice.tenantId, { staffCount: 2 });
  staff = await addMember(practice.tenantId, "staff");
  [mine = "", theirs = ""] = schedule.staffIds;
  await withSystem("test links a staff login to its staff record", (tx) =>
    tx.update(tables.staffMembers).set({ userId: staff.userId }).where(eq(tables.staffMembers.id, mine)),
  );
  day = addDays(localDateOf(Date.now(), "Europe/London"), 3);
});
afterAll(closeDatabase);

const desk = (overrides: Partial<DeskBookingFields>): DeskBookingFields => ({
  serviceId: schedule.serviceId,
  staffId: mine,
  date: day,
  time: "10:00",
  customerMode: "existing",
  customerId: schedule.customerId,
  name: "",
  email: "",
  phone: "",
  notes: "Left knee",
  ...overrides,
});

async function fetchFeed(url: string, ifNoneMatch?: string) {
  const [, slug = "", file = ""] = /\/api\/feeds\/([^/]+)\/([^/]+)$/.exec(new URL(url).pathname) ?? [];
  const request = new Request(url, { headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {} });
  return GET(request, { params: Promise.resolve({ slug: decodeURIComponent(slug), file }) });
}

type Parsed = { uid: string; summary: string; description: string | null; sequence: number; start: string };
async function events(url: string): Promise<Parsed[]> {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const body = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    expect(event.startDate.zone, "times are UTC").toBe(ICAL.Timezone.utcTimezone);
    return {
      uid: event.uid,
      summary: event.summary,
      description: (v.getFirstPropertyValue("description") as string | null) ?? null,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

describe("ICS feeds", () => {
  it("serve a staff member's active bookings with stable UIDs, growing SEQUENCE and ETags", async () => {
    const feed = await issueFeed(staff.actor, { staffId: mine, hideDetails: false });
    const booking = await bookForCustomer(practice.owner.actor, desk({}));
    await bookForCustomer(practice.owner.actor, desk({ staffId: theirs }));

    const first = await events(feed.url);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      uid: bookingUid(booking.id),
      summary: "Massage: Pat Client",
      sequence: 0,
    });
    expect(first[0]?.uid).toMatch(/^booking-[0-9a-f-]{36}@localhost$/);
    expect(first[0]?.description).toContain("Notes: Left knee");

    const tagged = await fetchFeed(feed.url);
    const etag = tagged.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetchFeed(feed.url, etag)).status).toBe(304);

    await rescheduleAtDesk(practice.owner.actor, {
      bookingId: booking.id,
      staffId: mine,
      date: day,
      time: "12:00",
    });
    const moved = await events(feed.url);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.uid).toBe(first[0]?.uid);
    expect(moved[0]?.sequence).toBeGreaterThan(first[0]?.sequence ?? 0);
    expect(moved[0]?.start).not.toBe(first[0]?.start);
    expect((await fetchFeed(feed.url, etag)).status).toBe(200);

    await cancelBookingAtDesk(practice.owner.actor, { bookingId: booking.id, reason: "Customer called" });
    expect(await events(feed.url)).toEqual([]);
  });

  it("the practice feed shows everyone's; hiding details shows only 'Booked'", async () => {
    await bookForCustomer(practice.owner.actor, desk({ time: "15:00" }));
    const open = await issueFeed(practice.owner.actor, { staffId: null, hideDetails: false });
    const all = await events(open.url);
    expect(all.map((e) => e.summary)).toEqual(
      expect.arrayContaining(["Massage: Pat Client (Staff 1)", "Massage: Pat Client (Staff 2)"]),
    );
    const hidden = await issueFeed(practice.owner.actor, { staffId: null, hideDetails: true });
    const body = await (await fetchFeed(hidden.url)).text();
    expect(body).not.toContain("Pat Client");
    expect(body).not.toContain("Left knee");
    const masked = await events(hidden.url);
    expect(masked.length).toBe(all.length);
    expect(new Set(masked.map((e) => e.summary))).toEqual(new Set(["Booked (Staff 1)", "Booked (Staff 2)"]));
    expect(masked.every((e) => e.description === null)).toBe(true);
    // Issuing again replaced the token: the first address is dead.
    expect((await fetchFeed(open.url)).status).toBe(404);
  });

  it("a revoked, malformed or other practice's token is a 404", async () => {
    const feed = await issueFeed(staff.actor, { staffId: mine, hideDetails: false });
    expect((await fetchFeed(feed.url)).status).toBe(200);
    const token = new URL(feed.url).pathname.split("/").pop() ?? "";
    const elsewhere = feed.url.replace(`/api/feeds/${practice.slug}/`, `/api/feeds/${other.slug}/`);
    expect(elsewhere).not.toBe(feed.url);
    expect((await fetchFeed(elsewhere)).status).toBe(404);
    expect((await fetchFeed(feed.url.replace(token, `x${token.slice(1)}`))).status).toBe(404);
    expect((await fetchFeed(feed.url.replace(".ics", ""))).status).toBe(404);
    const [summary] = (await listFeeds(staff.actor)).filter((f) => f.staffId === mine);
    await revokeFeed(staff.actor, summary?.id ?? "");
    const gone = await fetchFeed(feed.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toContain("application/problem+json");
  });

  it("staff get only their own feed; the practice feed is for owners and managers", async () => {
    await expect(issueFeed(staff.actor, { staffId: null, hideDetails: false })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(issueFeed(staff.actor, { staffId: theirs, hideDetails: false })).rejects.toBeInstanceOf(
      NotFound,
    );
    const theirFeed = await issueFeed(practice.owner.actor, { staffId: theirs, hideDetails: false });
    expect((await listFeeds(staff.actor)).map((f) => f.id)).not.toContain(theirFeed.id);
    await expect(revokeFeed(staff.actor, theirFeed.id)).rejects.toBeInstanceOf(NotFound);
    expect((await listFeeds(practice.owner.actor)).map((f) => f.id)).toContain(theirFeed.id);
  });
});
