/**
 * The team calendar: one column per staff member over a day or a week, in the practice's time zone,
 * with bookings (and live holds), time off, working hours and closures placed as minutes of each local
 * day. Owners and managers see everyone; staff see only their own column.
 */
import { and, asc, eq, gt, inArray, isNull, lt, or } from "drizzle-orm";
import { DateTime } from "luxon";
import { canManage, loadTenant, type MemberActor, requireTeam, visibleStaffIds } from "@/lib/catalogue";
import { type BookingStatus, inOrder, tables, withTenant } from "@/lib/db";
import type {
  DayOverride,
  EpochMs,
  InstantInterval,
  IsoWeekday,
  LocalDate,
  LocalInterval,
} from "@/lib/scheduling";
import { addDays, localDateOf, localToInstant, workingBlocks } from "@/lib/scheduling";

const {
  bookings,
  customers,
  staffMembers,
  serviceStaff,
  services,
  workingHours,
  dateOverrides,
  timeOff,
  closures,
} = tables;

/** A stretch of one local day, in minutes after its midnight (0–1440). */
export type DaySegment = { day: LocalDate; from: number; to: number };

export type CalendarBooking = {
  id: string;
  staffId: string;
  status: BookingStatus;
  /** A pending booking that holds its slot until `holdExpiresAt`. */
  isHold: boolean;
  holdExpiresAt: string | null;
  start: string;
  end: string;
  serviceName: string;
  customerName: string;
  segments: DaySegment[];
};

export type CalendarData = {
  timeZone: string;
  days: LocalDate[];
  today: LocalDate;
  canManage: boolean;
  staff: { id: string; name: string; hours: DaySegment[] }[];
  bookings: CalendarBooking[];
  timeOff: { id: string; staffId: string; reason: string; segments: DaySegment[] }[];
  closures: { day: LocalDate; reason: string }[];
  services: { id: string; name: string; durationMinutes: number; staffIds: string[] }[];
};

/** Shown statuses: cancelled and expired bookings no longer take time, so they stay off the grid. */
const SHOWN: BookingStatus[] = ["pending", "confirmed", "completed", "no_show"];

function wallMinutes(instant: EpochMs, zone: string): number {
  const t = DateTime.fromMillis(instant, { zone });
  return t.hour * 60 + t.minute;
}

/** Splits an interval into the parts that fall on each of `days` (local to `zone`). */
export function daySegments(
  interval: InstantInterval,
  days: readonly LocalDate[],
  zone: string,
): DaySegment[] {
  const out: DaySegment[] = [];
  for (const day of days) {
    const dayStart = localToInstant(zone, day, 0);
    const dayEnd = localToInstant(zone, day, 1440);
    const start = Math.max(interval.start, dayStart);
    const end = Math.min(interval.end, dayEnd);
    if (start >= end) continue;
    out.push({ day, from: wallMinutes(start, zone), to: end === dayEnd ? 1440 : wallMinutes(end, zone) });
  }
  return out;
}

export function viewDays(start: LocalDate, view: "day" | "week"): LocalDate[] {
  return view === "day" ? [start] : Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

export async function calendarView(
  actor: MemberActor,
  request: { start: LocalDate; view: "day" | "week" },
  now = new Date(),
): Promise<CalendarData> {
  requireTeam(actor);
  const days = viewDays(request.start, request.view);
  return withTenant(actor, async (tx) => {
    const tenant = await loadTenant(tx, actor.tenantId);
    const zone = tenant.timeZone;
    const from = new Date(localToInstant(zone, request.start, 0));
    const to = new Date(localToInstant(zone, addDays(days.at(-1) ?? request.start, 1), 0));
    const visible = await visibleStaffIds(tx, actor);
    const t = actor.tenantId;
    const empty: CalendarData = {
      timeZone: zone,
      days,
      today: localDateOf(now.getTime(), zone),
      canManage: canManage(actor),
      staff: [],
      bookings: [],
      timeOff: [],
      closures: [],
      services: [],
    };
    // A staff login not linked to any staff record has no diary to show.
    if (visible && !visible.length) return empty;
    const staffRows = await tx
      .select({ id: staffMembers.id, name: staffMembers.displayName, timeZone: staffMembers.timeZone })
      .from(staffMembers)
      .where(
        and(
          eq(staffMembers.tenantId, t),
          eq(staffMembers.isActive, true),
          visible ? inArray(staffMembers.id, visible) : undefined,
        ),
      )
      .orderBy(asc(staffMembers.displayName));
    const staffIn = staffRows.map((s) => s.id);
    if (!staffIn.length) return empty;
    const [hours, overrides, offs, closureRows, bookingRows, serviceRows, links] = await inOrder([
      tx
        .select()
        .from(workingHours)
        .where(and(eq(workingHours.tenantId, t), inArray(workingHours.staffId, staffIn))),
      tx
        .select()
        .from(dateOverrides)
        .where(
          and(
            eq(dateOverrides.tenantId, t),
            inArray(dateOverrides.staffId, staffIn),
            inArray(dateOverrides.onDate, [
              addDays(request.start, -1),
              ...days,
              addDays(days.at(-1) ?? request.start, 1),
            ]),
          ),
        ),
      tx
        .select()
        .from(timeOff)
        .where(
          and(
            eq(timeOff.tenantId, t),
            inArray(timeOff.staffId, staffIn),
            lt(timeOff.startsAt, to),
            gt(timeOff.endsAt, from),
          ),
        ),
      tx.select().from(closures).where(eq(closures.tenantId, t)),
      tx
        .select({
          id: bookings.id,
          staffId: bookings.staffId,
          status: bookings.status,
          holdExpiresAt: bookings.holdExpiresAt,
          start: bookings.startAt,
          end: bookings.endAt,
          serviceName: bookings.serviceName,
          customerName: customers.name,
        })
        .from(bookings)
        .innerJoin(
          customers,
          and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
        )
        .where(
          and(
            eq(bookings.tenantId, t),
            inArray(bookings.staffId, staffIn),
            inArray(bookings.status, SHOWN),
            or(isNull(bookings.holdExpiresAt), gt(bookings.holdExpiresAt, now)),
            lt(bookings.startAt, to),
            gt(bookings.endAt, from),
          ),
        )
        .orderBy(asc(bookings.startAt)),
      tx
        .select({ id: services.id, name: services.name, durationMinutes: services.durationMinutes })
        .from(services)
        .where(and(eq(services.tenantId, t), eq(services.isActive, true)))
        .orderBy(asc(services.name)),
      tx
        .select()
        .from(serviceStaff)
        .where(and(eq(serviceStaff.tenantId, t), inArray(serviceStaff.staffId, staffIn))),
    ]);

    const staff = staffRows.map((s) => {
      const weeklyHours: Partial<Record<IsoWeekday, LocalInterval[]>> = {};
      for (const h of hours.filter((h) => h.staffId === s.id)) {
        const end = h.endTime.slice(0, 5) === "00:00" ? "24:00" : h.endTime.slice(0, 5);
        const day = h.weekday as IsoWeekday;
        weeklyHours[day] = [...(weeklyHours[day] ?? []), { start: h.startTime.slice(0, 5), end }];
      }
      const dayOverrides: Record<string, DayOverride> = {};
      for (const o of overrides.filter((o) => o.staffId === s.id)) {
        dayOverrides[o.onDate] = o.intervals.length ? o.intervals : "closed";
      }
      const member = {
        id: s.id,
        timeZone: s.timeZone ?? zone,
        weeklyHours,
        dateOverrides: dayOverrides,
        timeOff: [],
      };
      // The staff member's own days may straddle the practice's, so look one day either side.
      const ownDays = [addDays(request.start, -1), ...days, addDays(days.at(-1) ?? request.start, 1)];
      const blocks = ownDays.flatMap((d) => workingBlocks(member, d));
      return { id: s.id, name: s.name, hours: blocks.flatMap((b) => daySegments(b, days, zone)) };
    });

    return {
      ...empty,
      staff,
      bookings: bookingRows.map((b) => ({
        id: b.id,
        staffId: b.staffId,
        status: b.status,
        isHold: b.status === "pending" && b.holdExpiresAt !== null,
        holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        serviceName: b.serviceName,
        customerName: b.customerName,
        segments: daySegments({ start: b.start.getTime(), end: b.end.getTime() }, days, zone),
      })),
      timeOff: offs.map((o) => ({
        id: o.id,
        staffId: o.staffId,
        reason: o.reason,
        segments: daySegments({ start: o.startsAt.getTime(), end: o.endsAt.getTime() }, days, zone),
      })),
      closures: days.flatMap((day) =>
        closureRows
          .filter((c) => c.startsOn <= day && day <= c.endsOn)
          .map((c) => ({ day, reason: c.reason })),
      ),
      services: serviceRows
        .map((s) => ({ ...s, staffIds: links.filter((l) => l.serviceId === s.id).map((l) => l.staffId) }))
        .filter((s) => s.staffIds.length),
    };
  });
}
