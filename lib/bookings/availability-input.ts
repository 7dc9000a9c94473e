import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { type ServiceRecord, staffIdsForService, type TenantRecord } from "@/lib/catalogue";
import { inOrder, type Tx, tables } from "@/lib/db";
import type {
  AvailabilityInput,
  Booking,
  DayOverride,
  IsoWeekday,
  LocalInterval,
  StaffMember,
} from "@/lib/scheduling";

const { staffMembers, workingHours, dateOverrides, timeOff, externalBusy, closures, resources, bookings } =
  tables;

const hhmm = (t: string) => t.slice(0, 5);

/**
 * Everything the engine needs for one service over [from, to): schedules of the staff who perform it,
 * closures, resources of the required type, and the active bookings and live holds that touch them.
 * `excludeBookingId` leaves a booking out (rescheduling it must not collide with itself).
 */
export async function loadAvailabilityInput(
  tx: Tx,
  tenant: TenantRecord,
  service: ServiceRecord,
  window: { from: Date; to: Date; now: Date; excludeBookingId?: string },
): Promise<AvailabilityInput> {
  const staffIds = await staffIdsForService(tx, tenant.id, service.id);
  const resourceRows = service.resourceTypeId
    ? await tx
        .select({ id: resources.id, typeId: resources.typeId })
        .from(resources)
        .where(
          and(
            eq(resources.tenantId, tenant.id),
            eq(resources.typeId, service.resourceTypeId),
            eq(resources.isActive, true),
          ),
        )
    : [];
  const resourceIds = resourceRows.map((r) => r.id);

  const [staffRows, hours, overrides, offs, external, closureRows, busy] = await inOrder([
    staffIds.length
      ? tx
          .select({ id: staffMembers.id, timeZone: staffMembers.timeZone, name: staffMembers.displayName })
          .from(staffMembers)
          .where(and(eq(staffMembers.tenantId, tenant.id), inArray(staffMembers.id, staffIds)))
      : [],
    staffIds.length
      ? tx
          .select({
            staffId: workingHours.staffId,
            weekday: workingHours.weekday,
            start: workingHours.startTime,
            end: workingHours.endTime,
          })
          .from(workingHours)
          .where(and(eq(workingHours.tenantId, tenant.id), inArray(workingHours.staffId, staffIds)))
      : [],
    staffIds.length
      ? tx
          .select({
            staffId: dateOverrides.staffId,
            onDate: dateOverrides.onDate,
            intervals: dateOverrides.intervals,
          })
          .from(dateOverrides)
          .where(and(eq(dateOverrides.tenantId, tenant.id), inArray(dateOverrides.staffId, staffIds)))
      : [],
    staffIds.length
      ? tx
          .select({ staffId: timeOff.staffId, start: timeOff.startsAt, end: timeOff.endsAt })
          .from(timeOff)
          .where(
            and(
              eq(timeOff.tenantId, tenant.id),
              inArray(timeOff.staffId, staffIds),
              lt(timeOff.startsAt, window.to),
              gt(timeOff.endsAt, window.from),
            ),
          )
      : [],
    // Busy times from connected calendars, as last synced (docs/calendar-sync.md).
    staffIds.length
      ? tx
          .select({ staffId: externalBusy.staffId, start: externalBusy.startsAt, end: externalBusy.endsAt })
          .from(externalBusy)
          .where(
            and(
              eq(externalBusy.tenantId, tenant.id),
              inArray(externalBusy.staffId, staffIds),
              lt(externalBusy.startsAt, window.to),
              gt(externalBusy.endsAt, window.from),
            ),
          )
      : [],
    tx
      .select({ from: closures.startsOn, to: closures.endsOn, reason: closures.reason })
      .from(closures)
      .where(eq(closures.tenantId, tenant.id)),
    staffIds.length || resourceIds.length
      ? tx
          .select({
            id: bookings.id,
            staffId: bookings.staffId,
            resourceId: bookings.resourceId,
            serviceId: bookings.serviceId,
            start: bookings.startAt,
            end: bookings.endAt,
            bufferBefore: bookings.bufferBeforeMinutes,
            bufferAfter: bookings.bufferAfterMinutes,
            holdExpiresAt: bookings.holdExpiresAt,
          })
          .from(bookings)
          .where(
            and(
              eq(bookings.tenantId, tenant.id),
              inArray(bookings.status, ["pending", "confirmed"]),
              or(isNull(bookings.holdExpiresAt), gt(bookings.holdExpiresAt, window.now)),
              lt(bookings.blockedFrom, window.to),
              gt(bookings.blockedUntil, window.from),
              or(
                staffIds.length ? inArray(bookings.staffId, staffIds) : sql`false`,
                resourceIds.length ? inArray(bookings.resourceId, resourceIds) : sql`false`,
              ),
            ),
          )
      : [],
  ]);

  const staff: StaffMember[] = staffRows.map((member) => {
    const weeklyHours: Partial<Record<IsoWeekday, LocalInterval[]>> = {};
    for (const h of hours.filter((h) => h.staffId === member.id)) {
      const day = h.weekday as IsoWeekday;
      const end = hhmm(h.end) === "00:00" ? "24:00" : hhmm(h.end);
      weeklyHours[day] = [...(weeklyHours[day] ?? []), { start: hhmm(h.start), end }];
    }
    const dateOverridesMap: Record<string, DayOverride> = {};
    for (const o of overrides.filter((o) => o.staffId === member.id)) {
      dateOverridesMap[o.onDate] = o.intervals.length ? o.intervals : "closed";
    }
    return {
      id: member.id,
      timeZone: member.timeZone ?? tenant.timeZone,
      weeklyHours,
      dateOverrides: dateOverridesMap,
      timeOff: offs
        .filter((t) => t.staffId === member.id)
        .map((t) => ({ start: t.start.getTime(), end: t.end.getTime(), reason: "" })),
      externalBusy: external
        .filter((t) => t.staffId === member.id)
        .map((t) => ({
          start: t.start.getTime(),
          end: t.end.getTime(),
          calendar: `${member.name}'s calendar`,
        })),
    };
  });

  const activeBookings: Booking[] = busy
    .filter((b) => b.id !== window.excludeBookingId)
    .map((b) => ({
      staffId: b.staffId,
      resourceId: b.resourceId,
      serviceId: b.serviceId,
      start: b.start.getTime(),
      end: b.end.getTime(),
      bufferBeforeMinutes: b.bufferBefore,
      bufferAfterMinutes: b.bufferAfter,
      seats: 1,
      holdExpiresAt: b.holdExpiresAt?.getTime() ?? null,
    }));

  return {
    service: {
      id: service.id,
      durationMinutes: service.durationMinutes,
      bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes,
      minNoticeMinutes: service.minNoticeMinutes,
      maxDaysInAdvance: service.maxDaysInAdvance,
      slotIntervalMinutes: service.slotIntervalMinutes,
      capacity: service.capacity,
      requiredResourceTypeId: service.resourceTypeId,
      staffIds,
    },
    staff,
    tenant: { timeZone: tenant.timeZone, closures: closureRows },
    resources: resourceRows.map((r) => ({ id: r.id, typeId: r.typeId, busy: [] })),
    bookings: activeBookings,
  };
}
