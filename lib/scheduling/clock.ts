import { DateTime, IANAZone } from "luxon";
import type { EpochMs, IsoWeekday, LocalDate, LocalTime } from "./types";

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** zone|date → that day's UTC offset in minutes, or null on a transition day; and, for transition days,
 * zone|date|minute → instant. Time-zone rules are fixed for the life of the process, so the memos are
 * shared; the cap only guards against unbounded growth. */
const steadyOffsets = new Map<string, number | null>();
const transitionInstants = new Map<string, EpochMs>();
const MEMO_CAP = 100_000;

/**
 * Maps a local wall-clock reading to an instant: the FIRST instant at which the clock in `zone` reads
 * `minuteOfDay` (0–1440; 1440 is the next midnight) on `date`, or later. So a time repeated by a
 * fall-back means its first occurrence, and a time skipped by a spring-forward means the jump itself —
 * a shift "until 01:30" on a day that skips 01:00–02:00 ends when the clocks jump, never later.
 */
export function localToInstant(zoneName: string, date: LocalDate, minuteOfDay: number): EpochMs {
  if (minuteOfDay >= 1440) return localToInstant(zoneName, addDays(date, 1), minuteOfDay - 1440);
  const zone = ianaZone(zoneName);
  const key = `${zoneName}|${date}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    // Same sampling luxon's getPossibleOffsets uses: a transition on `date` makes the offsets a day
    // either side differ. Without one, every wall time that day maps through that single offset.
    const midnight = wallAsUtc(date, 0);
    const before = zone.offset(midnight - DAY);
    offset = before === zone.offset(midnight + 2 * DAY) ? before : null;
    if (steadyOffsets.size >= MEMO_CAP) steadyOffsets.clear();
    steadyOffsets.set(key, offset);
  }
  if (offset !== null) return wallAsUtc(date, minuteOfDay) - offset * MINUTE;
  const minuteKey = `${key}|${minuteOfDay}`;
  let instant = transitionInstants.get(minuteKey);
  if (instant === undefined) {
    instant = resolveOnTransitionDay(zone, date, minuteOfDay);
    if (transitionInstants.size >= MEMO_CAP) transitionInstants.clear();
    transitionInstants.set(minuteKey, instant);
  }
  return instant;
}

function resolveOnTransitionDay(zone: IANAZone, date: LocalDate, minuteOfDay: number): EpochMs {
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const hour = Math.floor(minuteOfDay / 60);
  const local = DateTime.fromObject({ year, month, day, hour, minute: minuteOfDay % 60 }, { zone });
  if (local.day === day && local.hour === hour && local.minute === minuteOfDay % 60) {
    // Luxon's own pick for a repeated time depends on today's offset; choosing the earliest is deterministic.
    return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
  }
  // Skipped time: luxon pushed it forward by the gap. Search (minute precision) for the jump itself,
  // which lies between that wall time read with the post-jump offset and luxon's pushed instant.
  const after = local.offset;
  let hi = local.toMillis();
  let lo = hi - (after - zone.offset(hi - DAY)) * MINUTE;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (zone.offset(mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

function ianaZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${name}`);
  return zone;
}

/** Calendar arithmetic only (no zone involved): the wall reading as if it were UTC. */
function wallAsUtc(date: LocalDate, minuteOfDay: number): number {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(wallAsUtc(date, 0) + days * DAY).toISOString().slice(0, 10);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  return (((new Date(wallAsUtc(date, 0)).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
}

/** "HH:MM" → minutes after midnight ("24:00" → 1440). */
export function minuteOfDay(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function localDateOf(instant: EpochMs, zone: string): LocalDate {
  return DateTime.fromMillis(instant, { zone: ianaZone(zone) }).toFormat("yyyy-MM-dd");
}

/** e.g. "Sun 29 Mar, 02:30" — what a receptionist reads, in the given zone. */
export function formatLocal(instant: EpochMs, zone: string, format = "ccc d LLL, HH:mm"): string {
  return DateTime.fromMillis(instant, { zone: ianaZone(zone), locale: "en-GB" }).toFormat(format);
}
