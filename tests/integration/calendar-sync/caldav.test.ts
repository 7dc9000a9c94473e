import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookForCustomer,
  bookingUid,
  cancelBookingAtDesk,
  explainDeskSlot,
  rescheduleAtDesk,
} from "@/lib/bookings";
import type { DeskBookingFields } from "@/lib/bookings/fields";
import {
  chooseCalendar,
  connectCalDav,
  listConnections,
  reconcileBookingCalendars,
  registerCalendarSyncHandlers,
  syncCalendar,
} from "@/lib/calendar-sync";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";
import { startWorker } from "@/lib/events";
import { listDevMailbox } from "@/lib/notifications";
import { publicAvailability } from "@/lib/public-booking";
import { addDays, localDateOf } from "@/lib/scheduling";
import { waitFor } from "../../support/events";
import { addMember, createPractice, type TestPractice } from "../../support/factory";
import { type CalDavServer, caldavUnavailable, startCalDav, TEST_USER } from "../../support/radicale";
import { createSchedule, type TestSchedule } from "../../support/schedule";

const unavailable = caldavUnavailable();
let server: CalDavServer;
let practice: TestPractice;
let schedule: TestSchedule;
let staff: Awaited<ReturnType<typeof addMember>>;
let mine: string;
let day: string;
let calendars: Record<string, string>;

const auth = `Basic ${Buffer.from(`${TEST_USER.username}:${TEST_USER.password}`).toString("base64")}`;
const dav = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { authorization: auth, ...(init.headers ?? {}) } });
const put = (url: string, body: string) =>
  dav(url, { method: "PUT", body, headers: { "content-type": "text/calendar; charset=utf-8" } });
const vcalendar = (...lines: string[]) =>
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//EN",
    "BEGIN:VEVENT",
    "DTSTAMP:20260101T000000Z",
    ...lines,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");

async function writes(bookingId: string) {
  return withSystem("test reads calendar writes", (tx) =>
    tx.select().from(tables.calendarWrites).where(eq(tables.calendarWrites.bookingId, bookingId)),
  );
}
async function busyOf(calendarId: string) {
  return withSystem("test reads cached busy times", (tx) =>
    tx
      .select({
        id: tables.externalBusy.id,
        start: tables.externalBusy.startsAt,
        end: tables.externalBusy.endsAt,
      })
      .from(tables.externalBusy)
      .innerJoin(tables.externalEvents, eq(tables.externalEvents.id, tables.externalBusy.eventId))
      .where(eq(tables.externalEvents.calendarId, calendarId))
      .orderBy(tables.externalBusy.startsAt),
  );
}

describe.skipIf(unavailable)(
  `CalDAV against a real server${unavailable ? ` (skipped: ${unavailable})` : ""}`,
  () => {
    beforeAll(async () => {
      process.env.CALDAV_ALLOW_HTTP = "1";
      resetConfigForTests();
      server = await startCalDav(["work", "personal", "family"]);
      practice = await createPractice({ published: true });
      schedule = await createSchedule(practice.tenantId, { staffCount: 1 });
      staff = await addMember(practice.tenantId, "staff");
      mine = schedule.staffIds[0] ?? "";
      await withSystem("test links a staff login to its staff record", (tx) =>
        tx.update(tables.staffMembers).set({ userId: staff.userId }).where(eq(tables.staffMembers.id, mine)),
      );
      day = addDays(localDateOf(Date.now(), "Europe/London"), 3);
    });
    afterAll(async () => {
      await server?.stop();
      await closeDatabase();
    });

    const desk = (time: string): DeskBookingFields => ({
      serviceId: schedule.serviceId,
      staffId: mine,
      date: day,
      time,
      customerMode: "existing",
      customerId: schedule.customerId,
      name: "",
      email: "",
      phone: "",
      notes: "",
    });

    it("connects with the app password and discovers the calendars; a wrong password is a field error", async () => {
      const wrong = connectCalDav(staff.actor, {
        staffId: mine,
        label: "Radicale",
        serverUrl: server.url,
        username: TEST_USER.username,
        password: "not-it",
      });
      await expect(wrong).rejects.toBeInstanceOf(ValidationFailed);
      const view = await connectCalDav(staff.actor, {
        staffId: mine,
        label: "Radicale",
        serverUrl: server.url,
        ...TEST_USER,
      });
      expect(view.calendars.map((c) => c.displayName).sort()).toEqual(["family", "personal", "work"]);
      calendars = Object.fromEntries(view.calendars.map((c) => [c.displayName, c.id]));
      const [stored] = await withSystem("test reads the stored secret", (tx) =>
        tx.select().from(tables.calendarConnections).where(eq(tables.calendarConnections.id, view.id)),
      );
      expect(stored?.secret).toMatch(/^v1:/);
      expect(stored?.secret).not.toContain(TEST_USER.password);
      await chooseCalendar(staff.actor, {
        calendarId: calendars.work,
        checkConflicts: true,
        writeBookings: true,
      });
      await chooseCalendar(staff.actor, {
        calendarId: calendars.family,
        checkConflicts: true,
        writeBookings: false,
      });
    });

    it("writes a booking as {uid}.ics, updates the same href with a new ETag on reschedule, deletes on cancel", async () => {
      const booking = await bookForCustomer(practice.owner.actor, desk("09:00"));
      await reconcileBookingCalendars(practice.tenantId, booking.id);
      const [first] = await writes(booking.id);
      expect(first?.href).toBe(`/${TEST_USER.username}/work/${bookingUid(booking.id)}.ics`);
      const created = await dav(new URL(first?.href ?? "", server.url).toString());
      expect(created.status).toBe(200);
      expect(await created.text()).toContain(`UID:${bookingUid(booking.id)}`);

      await rescheduleAtDesk(practice.owner.actor, {
        bookingId: booking.id,
        staffId: mine,
        date: day,
        time: "11:00",
      });
      await reconcileBookingCalendars(practice.tenantId, booking.id);
      const [second] = await writes(booking.id);
      expect(second?.href).toBe(first?.href);
      expect(second?.etag).not.toBe(first?.etag);
      const listing = await dav(server.calendarUrl("work"), { method: "PROPFIND", headers: { depth: "1" } });
      expect((await listing.text()).match(/\.ics</g)).toHaveLength(1);
      // Boka's own event is recognised by its UID when the calendar is read back: it blocks nothing extra.
      expect((await syncCalendar(practice.tenantId, calendars.work ?? "")).error).toBeNull();
      expect(await busyOf(calendars.work ?? "")).toEqual([]);

      await cancelBookingAtDesk(practice.owner.actor, { bookingId: booking.id, reason: "Ill" });
      await reconcileBookingCalendars(practice.tenantId, booking.id);
      expect(await writes(booking.id)).toEqual([]);
      expect((await dav(new URL(first?.href ?? "", server.url).toString())).status).toBe(404);
    });

    it("an external event blocks its time in Boka; a second sync changes nothing; edits and deletes follow", async () => {
      await chooseCalendar(staff.actor, {
        calendarId: calendars.personal,
        checkConflicts: true,
        writeBookings: false,
      });
      const [y, m, d] = day.split("-");
      const dentist = `${server.calendarUrl("personal")}dentist.ics`;
      const at = (hh: string) => `${y}${m}${d}T${hh}0000`;
      const response = await put(
        dentist,
        vcalendar(
          "UID:dentist-1",
          `DTSTART;TZID=Europe/London:${at("14")}`,
          `DTEND;TZID=Europe/London:${at("15")}`,
          "SUMMARY:Dentist",
        ),
      );
      expect(response.ok).toBe(true);
      const query = { service_id: schedule.serviceId, from: day, to: day };
      const before = await publicAvailability(practice.slug, query, new Date());
      const first = await syncCalendar(practice.tenantId, calendars.personal ?? "");
      expect(first).toMatchObject({ changed: 1, removed: 0, error: null });
      const busy = await busyOf(calendars.personal ?? "");
      expect(busy).toHaveLength(1);

      const slots = await publicAvailability(practice.slug, query, new Date());
      const times = (list: typeof slots) => list.data.map((s) => new Date(s.start).getTime());
      expect(times(before)).toContain(busy[0]?.start.getTime());
      expect(times(slots)).not.toContain(busy[0]?.start.getTime());
      const reasons = await explainDeskSlot(practice.owner.actor, {
        serviceId: schedule.serviceId,
        staffId: mine,
        date: day,
        time: "14:00",
      });
      expect(reasons.find((r) => r.code === "external_busy")?.message).toMatch(
        /^Busy in Staff 1's calendar from /,
      );

      const again = await syncCalendar(practice.tenantId, calendars.personal ?? "");
      expect(again).toMatchObject({ changed: 0, removed: 0, error: null });
      expect(await busyOf(calendars.personal ?? "")).toEqual(busy);

      await put(
        dentist,
        vcalendar(
          "UID:dentist-1",
          `DTSTART;TZID=Europe/London:${at("16")}`,
          `DTEND;TZID=Europe/London:${at("17")}`,
          "SUMMARY:Dentist",
        ),
      );
      expect(await syncCalendar(practice.tenantId, calendars.personal ?? "")).toMatchObject({
        changed: 1,
        removed: 0,
      });
      const moved = await busyOf(calendars.personal ?? "");
      expect(moved[0]?.start.getTime()).toBe((busy[0]?.start.getTime() ?? 0) + 2 * 3_600_000);
      await dav(dentist, { method: "DELETE" });
      expect(await syncCalendar(practice.tenantId, calendars.personal ?? "")).toMatchObject({
        changed: 0,
        removed: 1,
      });
      expect(await busyOf(calendars.personal ?? "")).toEqual([]);
    });

    it("expands a weekly external event across the start of British Summer Time on the wall clock", async () => {
      const weekly = vcalendar(
        "UID:yoga",
        "DTSTART;TZID=Europe/London:20270322T090000",
        "DTEND;TZID=Europe/London:20270322T100000",
        "RRULE:FREQ=WEEKLY;COUNT=3",
      );
      expect((await put(`${server.calendarUrl("family")}yoga.ics`, weekly)).ok).toBe(true);
      expect(
        (await syncCalendar(practice.tenantId, calendars.family ?? "", new Date("2027-03-15T12:00:00Z")))
          .error,
      ).toBeNull();
      expect((await busyOf(calendars.family ?? "")).map((b) => b.start.toISOString())).toEqual([
        "2027-03-22T09:00:00.000Z", // GMT
        "2027-03-29T08:00:00.000Z", // BST from 28 March: 09:00 London is 08:00 UTC
        "2027-04-05T08:00:00.000Z",
      ]);
    });

    it("a booking reaches the calendar through the outbox worker (the booking events' handler)", async () => {
      registerCalendarSyncHandlers();
      const worker = startWorker({ pollMs: 100 });
      try {
        const booking = await bookForCustomer(practice.owner.actor, desk("13:00"));
        const [write] = await waitFor(async () => {
          const rows = await writes(booking.id);
          return rows.length ? rows : undefined;
        });
        expect((await dav(new URL(write?.href ?? "", server.url).toString())).status).toBe(200);
      } finally {
        await worker.stop();
      }
    });

    it("shows each connection's last sync and error; a refused password marks it broken", async () => {
      const [view] = await listConnections(staff.actor, mine);
      expect(view?.lastSyncedAt).toBeInstanceOf(Date);
      expect(view?.lastError).toBeNull();
      await withSystem("test breaks the stored password", async (tx) => {
        const { encryptSecret, encryptionKeyring } = await import("@/lib/crypto");
        await tx
          .update(tables.calendarConnections)
          .set({ secret: encryptSecret("wrong", encryptionKeyring(), `calendar:${view?.id}`) })
          .where(and(eq(tables.calendarConnections.id, view?.id ?? "")));
      });
      const result = await syncCalendar(practice.tenantId, calendars.personal ?? "");
      expect(result.error).toMatch(/refused/);
      const [broken] = await listConnections(staff.actor, mine);
      expect(broken).toMatchObject({ status: "broken", lastError: expect.stringMatching(/refused/) });
      // Its owner hears about it once, however often it fails.
      await syncCalendar(practice.tenantId, calendars.personal ?? "");
      const mail = (await listDevMailbox({ to: staff.email })).filter(
        (m) => m.tag === "calendar.connection-broken",
      );
      expect(mail).toHaveLength(1);
      expect(mail[0]?.subject).toBe('Your calendar "Radicale" needs reconnecting');
    });
  },
);
