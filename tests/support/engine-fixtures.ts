/** Builders shared by the booking tests (not used by the engine). */
import { DateTime } from "luxon";
import type {
  AvailabilityInput,
  Booking,
  InstantInterval,
  IsoWeekday,
  LocalInterval,
  Service,
  Slot,
  StaffMember,
} from "@/lib/scheduling";

export const nineToFive: readonly LocalInterval[] = [{ start: "09:00", end: "17:00" }];

export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    id: "cut",
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysInAdvance: 365,
    slotIntervalMinutes: 30,
    capacity: 1,
    requiredResourceTypeId: null,
    staffIds: ["anna", "ben"],
    ...overrides,
  };
}

export function makeStaff(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    id: "anna",
    timeZone: "Europe/London",
    weeklyHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
    dateOverrides: {},
    timeOff: [],
    ...overrides,
  };
}

/** Every day the same hours — handy on DST Sundays. */
export function everyDay(hours: readonly LocalInterval[]): StaffMember["weeklyHours"] {
  return { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: hours, 7: hours };
}

export function makeInput(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    service: makeService(),
    staff: [makeStaff()],
    tenant: { timeZone: "Europe/London", closures: [] },
    resources: [],
    bookings: [],
    ...overrides,
  };
}

export function makeBooking(overrides: Partial<Booking> & Pick<Booking, "start" | "end">): Booking {
  return {
    staffId: "anna",
    serviceId: "cut",
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    seats: 1,
    ...overrides,
  };
}

/** An unambiguous local wall time as epoch ms (test inputs never use DST-ambiguous times here). */
export function at(local: string, zone = "Europe/London"): number {
  return DateTime.fromISO(local, { zone }).toMillis();
}

/** Slot starts as local "yyyy-MM-dd HH:mm" (or a custom luxon format), for readable assertions. */
export function starts(
  slots: readonly Slot[],
  zone = "Europe/London",
  format = "yyyy-MM-dd HH:mm",
): string[] {
  return slots.map((s) => DateTime.fromMillis(s.start, { zone }).toFormat(format));
}

// Transition-heavy zones; every offset and transition lies on a 30-minute UTC grid (the oracle relies on it).
export const ZONES = [
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
] as const;

export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
export const plusDays = (date: string, n: number) =>
  DateTime.fromISO(date, { zone: "UTC" }).plus({ days: n }).toISODate() as string;

/**
 * Oracle, independent of the engine's clock: scans (30-minute steps) for the first instant whose local
 * reading is at or after the wall time on that date.
 */
const oracleCache = new Map<string, number>();
function firstReading(zone: string, date: string, minutes: number): number {
  const target = minutes === 1440 ? `${plusDays(date, 1)}T00:00` : `${date}T${hhmm(minutes)}`;
  const key = `${zone} ${target}`;
  const cached = oracleCache.get(key);
  if (cached !== undefined) return cached;
  let t = DateTime.fromISO(target, { zone: "UTC" }).toMillis() - 12 * 3_600_000;
  while (DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") < target) t += 30 * 60_000;
  oracleCache.set(key, t);
  return t;
}

/** Oracle: a staff member's hours on a local date as instants, overlapping or touching intervals fused. */
export function workingSpans(staff: StaffMember, date: string): InstantInterval[] {
  const override = staff.dateOverrides[date];
  const weekday = DateTime.fromISO(date).weekday as IsoWeekday;
  const list = override === "closed" ? [] : (override ?? staff.weeklyHours[weekday] ?? []);
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const spans = list
    .map((i) => ({
      start: firstReading(staff.timeZone, date, minutes(i.start)),
      end: firstReading(staff.timeZone, date, minutes(i.end)),
    }))
    .sort((a, b) => a.start - b.start);
  const fused: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = fused.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else if (span.end > span.start) fused.push({ ...span });
  }
  return fused;
}
