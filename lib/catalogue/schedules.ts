/**
 * A staff member's schedule: weekly hours (several intervals per weekday), date overrides (closed, or
 * other hours) and time off. Hours are local wall-clock times in the staff member's zone (or the
 * practice's); time off is entered the same way and stored as instants.
 */
import { and, asc, eq, gte } from "drizzle-orm";
import { inOrder, type Tx, tables, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { formatLocal, localDateOf, localToInstant, minuteOfDay } from "@/lib/scheduling";
import { loadTenant, type MemberActor, parseFields, requireManager, requireTeam } from "./access";
import { DateOverrideFields, type IntervalFields, TimeOffFields, WeeklyHoursFields } from "./fields";

const { staffMembers, workingHours, dateOverrides, timeOff } = tables;

export type StaffSchedule = {
  staffId: string;
  displayName: string;
  /** The zone the hours are written in: the staff member's own, or the practice's. */
  timeZone: string;
  weekly: WeeklyHoursFields;
  overrides: { date: string; closed: boolean; intervals: IntervalFields[] }[];
  timeOff: { id: string; startsAt: string; endsAt: string; reason: string }[];
};

const hhmm = (t: string) => t.slice(0, 5);
/** Midnight as an end is stored as 00:00 by some writers; the editor shows it as 24:00. */
const endOf = (t: string) => (hhmm(t) === "00:00" ? "24:00" : hhmm(t));
const LOCAL_DATE_TIME = "yyyy-MM-dd'T'HH:mm";

async function staffZone(tx: Tx, tenantId: string, staffId: string) {
  const [row] = await tx
    .select({ displayName: staffMembers.displayName, timeZone: staffMembers.timeZone })
    .from(staffMembers)
    .where(and(eq(staffMembers.tenantId, tenantId), eq(staffMembers.id, staffId)));
  if (!row) throw new NotFound("Staff member not found");
  const zone = row.timeZone ?? (await loadTenant(tx, tenantId)).timeZone;
  return { displayName: row.displayName, zone };
}

export async function getStaffSchedule(
  actor: MemberActor,
  staffId: string,
  now = new Date(),
): Promise<StaffSchedule> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const { displayName, zone } = await staffZone(tx, actor.tenantId, staffId);
    const mine = <T extends typeof workingHours | typeof dateOverrides | typeof timeOff>(t: T) =>
      and(eq(t.tenantId, actor.tenantId), eq(t.staffId, staffId));
    const [hours, overrides, offs] = await inOrder([
      tx.select().from(workingHours).where(mine(workingHours)).orderBy(asc(workingHours.startTime)),
      tx
        .select()
        .from(dateOverrides)
        .where(and(mine(dateOverrides), gte(dateOverrides.onDate, localDateOf(now.getTime(), zone))))
        .orderBy(asc(dateOverrides.onDate)),
      tx
        .select()
        .from(timeOff)
        .where(and(mine(timeOff), gte(timeOff.endsAt, now)))
        .orderBy(asc(timeOff.startsAt)),
    ]);
    const days = Array.from({ length: 7 }, (_, i) => ({
      intervals: hours
        .filter((h) => h.weekday === i + 1)
        .map((h) => ({ start: hhmm(h.startTime), end: endOf(h.endTime) })),
    }));
    return {
      staffId,
      displayName,
      timeZone: zone,
      weekly: { days },
      overrides: overrides.map((o) => ({
        date: o.onDate,
        closed: !o.intervals.length,
        intervals: o.intervals,
      })),
      timeOff: offs.map((t) => ({
        id: t.id,
        startsAt: formatLocal(t.startsAt.getTime(), zone, LOCAL_DATE_TIME),
        endsAt: formatLocal(t.endsAt.getTime(), zone, LOCAL_DATE_TIME),
        reason: t.reason,
      })),
    };
  });
}

/** Replaces the whole week in one transaction, so a half-saved week never exists. */
export async function saveWeeklyHours(actor: MemberActor, staffId: string, raw: unknown): Promise<void> {
  requireManager(actor);
  const input = parseFields(WeeklyHoursFields, raw);
  await withTenant(actor, async (tx) => {
    await staffZone(tx, actor.tenantId, staffId);
    await tx
      .delete(workingHours)
      .where(and(eq(workingHours.tenantId, actor.tenantId), eq(workingHours.staffId, staffId)));
    const rows = input.days.flatMap((day, i) =>
      day.intervals.map((interval) => ({
        tenantId: actor.tenantId,
        staffId,
        weekday: i + 1,
        startTime: interval.start,
        endTime: interval.end,
      })),
    );
    if (rows.length) await tx.insert(workingHours).values(rows);
  });
}

/** Sets (or replaces) the hours for one date; closed stores no intervals. */
export async function saveDateOverride(actor: MemberActor, staffId: string, raw: unknown): Promise<void> {
  requireManager(actor);
  const input = parseFields(DateOverrideFields, raw);
  const intervals = input.closed ? [] : [...input.intervals].sort((a, b) => a.start.localeCompare(b.start));
  await withTenant(actor, async (tx) => {
    await staffZone(tx, actor.tenantId, staffId);
    await tx
      .insert(dateOverrides)
      .values({ tenantId: actor.tenantId, staffId, onDate: input.date, intervals })
      .onConflictDoUpdate({
        target: [dateOverrides.tenantId, dateOverrides.staffId, dateOverrides.onDate],
        set: { intervals },
      });
  });
}

export async function deleteDateOverride(actor: MemberActor, staffId: string, date: string): Promise<void> {
  requireManager(actor);
  await withTenant(actor, (tx) =>
    tx
      .delete(dateOverrides)
      .where(
        and(
          eq(dateOverrides.tenantId, actor.tenantId),
          eq(dateOverrides.staffId, staffId),
          eq(dateOverrides.onDate, date),
        ),
      ),
  );
}

function toInstant(zone: string, local: string): Date {
  return new Date(localToInstant(zone, local.slice(0, 10), minuteOfDay(local.slice(11, 16))));
}

export async function addTimeOff(actor: MemberActor, staffId: string, raw: unknown): Promise<{ id: string }> {
  requireManager(actor);
  const input = parseFields(TimeOffFields, raw);
  return withTenant(actor, async (tx) => {
    const { zone } = await staffZone(tx, actor.tenantId, staffId);
    const startsAt = toInstant(zone, input.startsAt);
    const endsAt = toInstant(zone, input.endsAt);
    // Both ends can fall in the hour a spring-forward skips and land on the same instant.
    if (endsAt <= startsAt) {
      throw new ValidationFailed("Some fields need attention.", [
        { field: "endsAt", message: "The end must be after the start (the clocks change then)" },
      ]);
    }
    const [row] = await tx
      .insert(timeOff)
      .values({ tenantId: actor.tenantId, staffId, startsAt, endsAt, reason: input.reason })
      .returning({ id: timeOff.id });
    if (!row) throw new Error("time off insert returned no row");
    return row;
  });
}

export async function deleteTimeOff(actor: MemberActor, staffId: string, timeOffId: string): Promise<void> {
  requireManager(actor);
  await withTenant(actor, (tx) =>
    tx
      .delete(timeOff)
      .where(
        and(eq(timeOff.tenantId, actor.tenantId), eq(timeOff.staffId, staffId), eq(timeOff.id, timeOffId)),
      ),
  );
}
