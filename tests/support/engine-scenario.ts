/** Random booking scenarios around DST transitions, for the property tests. */
import fc from "fast-check";
import { DateTime } from "luxon";
import type { AvailabilityInput, Booking, LocalInterval, SlotQuery, StaffMember } from "@/lib/scheduling";
import { findSlots } from "@/lib/scheduling";
import { hhmm, plusDays, ZONES } from "./engine-fixtures";

const MIN = 60_000;
const DAY = 86_400_000;
// Saturdays before the DST transitions of ZONES, plus an ordinary day.
const EVES = ["2026-03-07", "2026-03-28", "2026-04-04", "2026-10-03", "2026-10-24", "2026-10-31"];
const ANCHORS = [...EVES, "2026-06-10"];

/** Present one time in three (fc.option would make it present five times in six). */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: arb, weight: 1 });
const interval = fc
  .tuple(fc.integer({ min: 0, max: 44 }), fc.integer({ min: 3, max: 24 }))
  .map(([a, len]): LocalInterval => ({ start: hhmm(a * 30), end: hhmm(Math.min(48, a + len) * 30) }));
const hours = fc.array(interval, { maxLength: 2 });
const zone = fc.constantFrom(...ZONES);
const fiveMinutes = (maxDays: number) => fc.integer({ min: 0, max: maxDays * 288 });

export const scenario = fc.record({
  anchor: fc.constantFrom(...ANCHORS),
  tenantZone: zone,
  closure: sometimes(fc.record({ day: fc.integer({ min: 0, max: 5 }), len: fc.integer({ min: 0, max: 1 }) })),
  staff: fc.array(
    fc.record({
      zone,
      weekly: fc.array(fc.array(interval, { minLength: 1, maxLength: 2 }), { minLength: 7, maxLength: 7 }),
      override: sometimes(fc.record({ day: fc.integer({ min: 0, max: 5 }), hours: sometimes(hours) })),
      timeOff: fc.array(fc.record({ at: fiveMinutes(6), len: fc.integer({ min: 1, max: 48 }) }), {
        maxLength: 2,
      }),
      // Busy times from connected calendars, 5 minutes to 4 hours, anywhere in the week.
      externalBusy: fc.array(fc.record({ at: fiveMinutes(6), len: fc.integer({ min: 1, max: 48 }) }), {
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  service: fc.record({
    durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
    bufferBeforeMinutes: fc.constantFrom(0, 5, 15, 30),
    bufferAfterMinutes: fc.constantFrom(0, 10, 15),
    minNoticeMinutes: fc.constantFrom(0, 30, 120, 1440),
    maxDaysInAdvance: fc.constantFrom(1, 30, 30),
    slotIntervalMinutes: fc.constantFrom(5, 10, 15, 30, 60),
    capacity: fc.constantFrom(1, 1, 3),
    needsRoom: fc.boolean(),
    skipLastStaff: fc.boolean(),
  }),
  roomBusy: fc.array(fc.array(fc.record({ at: fiveMinutes(6), len: fc.nat(36) }), { maxLength: 2 }), {
    maxLength: 2,
  }),
  bookings: fc.array(
    fc.record({
      staff: fc.nat(2),
      at: fc.integer({ min: 0, max: 6 * 96 }), // quarter hours, so group sessions share starts
      quarters: fc.integer({ min: 1, max: 8 }),
      before: fc.constantFrom(0, 5, 15),
      after: fc.constantFrom(0, 10, 30),
      seats: fc.integer({ min: 1, max: 2 }),
      sameService: fc.boolean(),
      room: fc.integer({ min: -1, max: 1 }),
      holdMinutes: sometimes(fc.integer({ min: -600, max: 600 })),
    }),
    { maxLength: 20 },
  ),
  now: fiveMinutes(1.5),
  // Group seats added on top of offered slots, so sessions (partly sold and full) really occur.
  sessions: fc.array(fc.record({ pick: fc.nat(), seats: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
  query: fc.record({ from: fc.nat(2), days: fc.nat(3), zone, staff: sometimes(fc.nat(2)) }),
  probes: fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
});
export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { input: AvailabilityInput; query: SlotQuery } {
  const base = DateTime.fromISO(s.anchor, { zone: "UTC" }).toMillis() - DAY;
  const staff: StaffMember[] = s.staff.map((st, i) => ({
    id: `s${i}`,
    timeZone: st.zone,
    weeklyHours: Object.fromEntries(st.weekly.map((h, d) => [d + 1, h])),
    dateOverrides: st.override
      ? { [plusDays(s.anchor, st.override.day)]: st.override.hours ?? "closed" }
      : {},
    timeOff: st.timeOff.map((t) => ({
      start: base + t.at * 5 * MIN,
      end: base + (t.at + t.len * 6) * 5 * MIN,
      reason: "x",
    })),
    externalBusy: st.externalBusy.map((t) => ({
      start: base + t.at * 5 * MIN,
      end: base + (t.at + t.len) * 5 * MIN,
      calendar: `s${i}'s calendar`,
    })),
  }));
  const now = base + s.now * 5 * MIN;
  const rooms = s.roomBusy.map((busy, i) => ({
    id: `r${i}`,
    typeId: "room",
    busy: busy.map((b) => ({ start: base + b.at * 5 * MIN, end: base + (b.at + b.len * 6) * 5 * MIN })),
  }));
  const bookings: Booking[] = s.bookings
    .filter((b) => b.staff < staff.length)
    .map((b) => ({
      staffId: `s${b.staff}`,
      serviceId: b.sameService ? "svc" : "other",
      resourceId: b.room >= 0 && b.room < rooms.length ? `r${b.room}` : null,
      start: base + b.at * 15 * MIN,
      end: base + (b.at + b.quarters) * 15 * MIN,
      bufferBeforeMinutes: b.before,
      bufferAfterMinutes: b.after,
      seats: b.seats,
      holdExpiresAt: b.holdMinutes === null ? null : now + b.holdMinutes * MIN,
    }));
  const { needsRoom, skipLastStaff, ...timing } = s.service;
  const staffIds = staff.map((st) => st.id).slice(0, skipLastStaff && staff.length > 1 ? -1 : undefined);
  const closure = s.closure && { day: plusDays(s.anchor, s.closure.day), len: s.closure.len };
  const closures = closure
    ? [{ from: closure.day, to: plusDays(closure.day, closure.len), reason: "x" }]
    : [];
  const from = plusDays(s.anchor, s.query.from);
  return {
    input: {
      service: { id: "svc", ...timing, requiredResourceTypeId: needsRoom ? "room" : null, staffIds },
      staff,
      tenant: { timeZone: s.tenantZone, closures },
      resources: rooms,
      bookings,
    },
    query: {
      from,
      to: plusDays(from, s.query.days),
      timeZone: s.query.zone,
      now,
      ...(s.query.staff !== null && s.query.staff < staff.length ? { staffId: `s${s.query.staff}` } : {}),
    },
  };
}

/** Books group seats at some offered starts — the only way random data hits a session exactly. */
function withSessions(input: AvailabilityInput, query: SlotQuery, s: Scenario): AvailabilityInput {
  const offered = findSlots(input, query);
  if (input.service.capacity === 1 || offered.length === 0) return input;
  const seats = s.sessions.map(({ pick, seats }): Booking => {
    const slot = offered[pick % offered.length] as (typeof offered)[number];
    const staffId = slot.staffIds[pick % slot.staffIds.length] as string;
    const { bufferBeforeMinutes, bufferAfterMinutes } = input.service;
    const resourceId = slot.resourceIds?.[staffId] ?? null;
    const { start, end } = slot;
    return {
      staffId,
      serviceId: "svc",
      resourceId,
      start,
      end,
      bufferBeforeMinutes,
      bufferAfterMinutes,
      seats,
    };
  });
  return { ...input, bookings: [...input.bookings, ...seats] };
}

/** Builds the scenario (with its group seats) and runs the finder once. */
export function run(s: Scenario) {
  const built = build(s);
  const input = withSessions(built.input, built.query, s);
  const active = input.bookings.filter((b) => b.holdExpiresAt == null || b.holdExpiresAt > built.query.now);
  return { input, query: built.query, slots: findSlots(input, built.query), active };
}
