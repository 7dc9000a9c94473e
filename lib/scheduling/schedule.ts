/** Rules shared by the slot finder and the explainer, so both always agree on what is bookable. */
import { isoWeekday, localToInstant, MINUTE, minuteOfDay } from "./clock";
import { mergeIntervals, overlapsAny } from "./intervals";
import {
  type AvailabilityInput,
  type Booking,
  DEFAULT_SLOT_INTERVAL_MINUTES,
  type EpochMs,
  type InstantInterval,
  type LocalDate,
  type LocalInterval,
  type Service,
  type StaffMember,
} from "./types";

/** Service lengths in milliseconds. */
export interface Timing {
  readonly duration: number;
  readonly before: number;
  readonly after: number;
  readonly step: number;
}

export function timingOf(service: Service): Timing {
  return {
    duration: service.durationMinutes * MINUTE,
    before: service.bufferBeforeMinutes * MINUTE,
    after: service.bufferAfterMinutes * MINUTE,
    step: (service.slotIntervalMinutes ?? DEFAULT_SLOT_INTERVAL_MINUTES) * MINUTE,
  };
}

/** Seats already sold in one group session (same service, staff member and start). */
export interface Session {
  readonly seats: number;
  readonly resourceId: string | null;
}

export interface ClosureRange extends InstantInterval {
  readonly reason: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface Prepared {
  readonly timing: Timing;
  readonly closures: readonly ClosureRange[];
  /** Active bookings (expired holds dropped) per staff member. */
  readonly bookingsByStaff: ReadonlyMap<string, readonly Booking[]>;
  /** Per staff member, sessions of this service keyed by start; empty unless capacity > 1. */
  readonly sessionsByStaff: ReadonlyMap<string, ReadonlyMap<EpochMs, Session>>;
  /** First resource of the required type (by id, for determinism) free over the range. */
  readonly findResource: (start: EpochMs, end: EpochMs) => string | undefined;
}

export function prepare(input: AvailabilityInput, now: EpochMs): Prepared {
  const { service, tenant } = input;
  const active = input.bookings.filter((b) => b.holdExpiresAt == null || b.holdExpiresAt > now);
  const bookingsByStaff = groupBy(active, (b) => b.staffId);
  const sessionsByStaff = new Map<string, Map<EpochMs, Session>>();
  if (service.capacity > 1) {
    for (const b of active) {
      if (b.serviceId !== service.id) continue;
      const sessions = sessionsByStaff.get(b.staffId) ?? new Map<EpochMs, Session>();
      const prior = sessions.get(b.start);
      sessions.set(b.start, {
        seats: (prior?.seats ?? 0) + b.seats,
        resourceId: prior?.resourceId ?? b.resourceId ?? null,
      });
      sessionsByStaff.set(b.staffId, sessions);
    }
  }
  const closures = tenant.closures.map((c) => ({
    start: localToInstant(tenant.timeZone, c.from, 0),
    end: localToInstant(tenant.timeZone, c.to, 1440),
    reason: c.reason,
    from: c.from,
    to: c.to,
  }));
  return {
    timing: timingOf(service),
    closures,
    bookingsByStaff,
    sessionsByStaff,
    findResource: resourceFinder(input, active),
  };
}

function resourceFinder(input: AvailabilityInput, active: readonly Booking[]): Prepared["findResource"] {
  const byResource = groupBy(active, (b) => b.resourceId ?? "");
  const pool = input.resources
    .filter((r) => r.typeId === input.service.requiredResourceTypeId)
    .sort(byId)
    .map((r) => ({
      id: r.id,
      busy: mergeIntervals([...r.busy, ...(byResource.get(r.id) ?? []).map(blockedRange)]),
    }));
  return (start, end) => pool.find((r) => !overlapsAny(r.busy, start, end))?.id;
}

/** What an existing booking keeps its staff member and resource from: itself plus its buffers. */
export function blockedRange(b: Booking): InstantInterval {
  return { start: b.start - b.bufferBeforeMinutes * MINUTE, end: b.end + b.bufferAfterMinutes * MINUTE };
}

export function hoursOn(staff: StaffMember, date: LocalDate): readonly LocalInterval[] {
  const override = staff.dateOverrides[date];
  if (override === "closed") return [];
  return override ?? staff.weeklyHours[isoWeekday(date)] ?? [];
}

/**
 * The day's working hours as instants, overlapping or touching intervals fused. Slot grids are anchored
 * at each block's start, so they never depend on the queried range.
 */
export function workingBlocks(staff: StaffMember, date: LocalDate): InstantInterval[] {
  return mergeIntervals(
    hoursOn(staff, date).map((i) => ({
      start: localToInstant(staff.timeZone, date, minuteOfDay(i.start)),
      end: localToInstant(staff.timeZone, date, minuteOfDay(i.end)),
    })),
  );
}

/** Code-unit order, not locale order, so results never depend on the server's locale. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
