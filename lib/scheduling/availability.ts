import { addDays, DAY, localDateOf, localToInstant, MINUTE } from "./clock";
import { mergeIntervals, overlapsAny, subtractIntervals } from "./intervals";
import { blockedRange, byId, type Prepared, prepare, workingBlocks } from "./schedule";
import type { AvailabilityInput, EpochMs, Slot, SlotQuery, StaffMember } from "./types";

type Offer = (start: EpochMs, staffId: string, seatsLeft: number, resourceId: string | null) => void;

/**
 * Bookable slots whose start falls on the query's local dates, sorted by start.
 *
 * A staff member can take a slot when the appointment itself lies inside one of their working blocks
 * (hours minus time off and tenant closures) on the block's grid, and the appointment widened by the
 * service's buffers overlaps nothing blocked: other bookings widened by their buffers, or — when the
 * service needs a resource — every resource of that type. Joining a partly sold group session needs
 * only working time and a free seat: the session already holds the staff member and its resource.
 */
export function findSlots(input: AvailabilityInput, query: SlotQuery): Slot[] {
  const { service } = input;
  const prep = prepare(input, query.now);
  const earliest = Math.max(
    localToInstant(query.timeZone, query.from, 0),
    query.now + service.minNoticeMinutes * MINUTE,
  );
  const latest = Math.min(
    localToInstant(query.timeZone, query.to, 1440) - 1,
    query.now + service.maxDaysInAdvance * DAY,
  );
  if (earliest > latest) return [];

  const slots = new Map<
    EpochMs,
    { staffIds: string[]; seatsLeft: number; resourceIds: Record<string, string> }
  >();
  const offer: Offer = (start, staffId, seatsLeft, resourceId) => {
    const slot = slots.get(start) ?? { staffIds: [], seatsLeft: 0, resourceIds: {} };
    slot.staffIds.push(staffId);
    slot.seatsLeft = Math.max(slot.seatsLeft, seatsLeft);
    if (resourceId !== null) slot.resourceIds[staffId] = resourceId;
    slots.set(start, slot);
  };
  const team = input.staff
    .filter((s) => service.staffIds.includes(s.id) && (query.staffId === undefined || s.id === query.staffId))
    .sort(byId);
  for (const staff of team) offerStaff(input, prep, staff, earliest, latest, offer);

  const needsResource = service.requiredResourceTypeId !== null;
  return [...slots.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, { staffIds, seatsLeft, resourceIds }]) => ({
      start,
      end: start + prep.timing.duration,
      staffIds,
      seatsLeft,
      ...(needsResource ? { resourceIds } : {}),
    }));
}

/** Walks one staff member's grid from `earliest` to `latest`; every check is a binary search. */
function offerStaff(
  input: AvailabilityInput,
  prep: Prepared,
  staff: StaffMember,
  earliest: EpochMs,
  latest: EpochMs,
  offer: Offer,
): void {
  const { service } = input;
  const { duration, before, after, step } = prep.timing;
  const busy = mergeIntervals((prep.bookingsByStaff.get(staff.id) ?? []).map(blockedRange));
  const away = mergeIntervals([...staff.timeOff, ...(staff.externalBusy ?? []), ...prep.closures]);
  const sessions = prep.sessionsByStaff.get(staff.id);
  const lastDate = localDateOf(latest, staff.timeZone);
  for (let date = localDateOf(earliest, staff.timeZone); date <= lastDate; date = addDays(date, 1)) {
    for (const block of workingBlocks(staff, date)) {
      for (const window of subtractIntervals(block, away)) {
        const from = Math.max(window.start, earliest);
        let start = block.start + Math.ceil((from - block.start) / step) * step;
        for (; start <= latest && start + duration <= window.end; start += step) {
          const session = sessions?.get(start);
          if (session) {
            const left = service.capacity - session.seats;
            if (left > 0) offer(start, staff.id, left, session.resourceId);
            continue;
          }
          const blockedFrom = start - before;
          const blockedTo = start + duration + after;
          if (overlapsAny(busy, blockedFrom, blockedTo)) continue;
          if (service.requiredResourceTypeId === null) {
            offer(start, staff.id, service.capacity, null);
            continue;
          }
          const resourceId = prep.findResource(blockedFrom, blockedTo);
          if (resourceId !== undefined) offer(start, staff.id, service.capacity, resourceId);
        }
      }
    }
  }
}
