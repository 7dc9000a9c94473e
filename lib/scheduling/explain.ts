import { DAY, formatLocal, localDateOf, MINUTE } from "./clock";
import { blockedRange, hoursOn, prepare, workingBlocks } from "./schedule";
import type { AvailabilityInput, EpochMs, ExplainRequest, InstantInterval, Reason } from "./types";

/**
 * Why `request.staffId` cannot take the service at `request.start` — the same rules as findSlots,
 * one reason per rule broken; an empty list means the slot is bookable. Times in messages are in the
 * staff member's zone.
 */
export function explainSlot(input: AvailabilityInput, request: ExplainRequest): Reason[] {
  const { service } = input;
  const staff = input.staff.find((s) => s.id === request.staffId);
  if (!staff || !service.staffIds.includes(staff.id)) {
    return [{ code: "staff_ineligible", message: "This staff member does not offer this service." }];
  }
  const prep = prepare(input, request.now);
  const { duration, before, after, step } = prep.timing;
  const zone = staff.timeZone;
  const start = request.start;
  const end = start + duration;
  const at = (instant: EpochMs) => formatLocal(instant, zone);
  const time = (instant: EpochMs) => formatLocal(instant, zone, "HH:mm");
  const reasons: Reason[] = [];

  const earliest = request.now + service.minNoticeMinutes * MINUTE;
  if (start < earliest) {
    reasons.push({
      code: "min_notice",
      message:
        service.minNoticeMinutes === 0
          ? `This time has already passed (it is now ${at(request.now)}).`
          : `This service needs ${humanMinutes(service.minNoticeMinutes)} notice; the earliest start right now is ${at(earliest)}.`,
    });
  }
  const latest = request.now + service.maxDaysInAdvance * DAY;
  if (start > latest) {
    reasons.push({
      code: "beyond_horizon",
      message: `Bookings open only ${service.maxDaysInAdvance} days ahead; the latest start right now is ${at(latest)}.`,
    });
  }

  const date = localDateOf(start, zone);
  const block = workingBlocks(staff, date).find((b) => b.start <= start && end <= b.end);
  if (!block) {
    const hours = hoursOn(staff, date).map((i) => `${i.start}–${i.end}`);
    const day = formatLocal(start, zone, "ccc d LLL");
    reasons.push({
      code: "outside_hours",
      message: hours.length
        ? `${time(start)}–${time(end)} is outside their working hours (${day}: ${hours.join(", ")}).`
        : `They do not work on ${day}.`,
    });
  } else if ((start - block.start) % step !== 0) {
    const previous = block.start + Math.floor((start - block.start) / step) * step;
    reasons.push({
      code: "not_aligned",
      message: `Appointments start every ${step / MINUTE} minutes from ${time(block.start)}; try ${time(previous)} or ${time(previous + step)}.`,
    });
  }

  const closure = prep.closures.find((c) => intersects(c, start, end));
  if (closure) {
    const range = closure.from === closure.to ? closure.from : `${closure.from} to ${closure.to}`;
    reasons.push({ code: "closure", message: `The business is closed (${closure.reason}) on ${range}.` });
  }
  const off = staff.timeOff.find((t) => intersects(t, start, end));
  if (off) {
    reasons.push({
      code: "time_off",
      message: `They are off (${off.reason}) from ${at(off.start)} to ${at(off.end)}.`,
    });
  }
  const external = staff.externalBusy?.find((t) => intersects(t, start, end));
  if (external) {
    reasons.push({
      code: "external_busy",
      message: `Busy in ${external.calendar} from ${at(external.start)} to ${at(external.end)}.`,
    });
  }

  const session = prep.sessionsByStaff.get(staff.id)?.get(start);
  if (session) {
    if (session.seats >= service.capacity) {
      reasons.push({
        code: "session_full",
        message: `The group session is full (${session.seats} of ${service.capacity} seats taken).`,
      });
    }
    return reasons; // a session already holds its staff member and resource
  }

  const blockedFrom = start - before;
  const blockedTo = end + after;
  const theirs = prep.bookingsByStaff.get(staff.id) ?? [];
  const clash = theirs.find((b) => intersects(b, start, end));
  const near = theirs.find((b) => intersects(blockedRange(b), blockedFrom, blockedTo));
  if (clash) {
    reasons.push({
      code: "booked",
      message: `They already have a booking ${at(clash.start)}–${time(clash.end)}.`,
    });
  } else if (near) {
    reasons.push({
      code: "buffer",
      message: `Too close to their booking ${at(near.start)}–${time(near.end)}: the preparation and clean-up time around the appointments would overlap.`,
    });
  }
  if (service.requiredResourceTypeId !== null && prep.findResource(blockedFrom, blockedTo) === undefined) {
    reasons.push({
      code: "resource_unavailable",
      message: `No room or equipment of the required type is free from ${time(blockedFrom)} to ${time(blockedTo)} (including preparation and clean-up).`,
    });
  }
  return reasons;
}

/** Non-empty overlap; an empty interval overlaps nothing, as in the slot finder. */
function intersects(interval: InstantInterval, start: EpochMs, end: EpochMs): boolean {
  return Math.max(interval.start, start) < Math.min(interval.end, end);
}

function humanMinutes(minutes: number): string {
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
