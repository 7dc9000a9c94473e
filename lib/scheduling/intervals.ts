import type { InstantInterval } from "./types";

/** Sorted union of half-open intervals; touching intervals fuse. Empty intervals are dropped. */
export function mergeIntervals(intervals: readonly InstantInterval[]): InstantInterval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** Index of the first interval in a sorted disjoint list whose end is after `instant`. */
function firstEndingAfter(disjoint: readonly InstantInterval[], instant: number): number {
  let lo = 0;
  let hi = disjoint.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((disjoint[mid] as InstantInterval).end > instant) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Binary search, so checking a slot costs O(log n) however many bookings exist. */
export function overlapsAny(disjoint: readonly InstantInterval[], start: number, end: number): boolean {
  const hit = disjoint[firstEndingAfter(disjoint, start)];
  return hit !== undefined && hit.start < end;
}

/** Parts of `from` not covered by a sorted disjoint list of cuts. */
export function subtractIntervals(
  from: InstantInterval,
  cuts: readonly InstantInterval[],
): InstantInterval[] {
  const out: InstantInterval[] = [];
  let cursor = from.start;
  for (let i = firstEndingAfter(cuts, from.start); i < cuts.length; i++) {
    const cut = cuts[i] as InstantInterval;
    if (cut.start >= from.end) break;
    if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
    cursor = cut.end; // cuts are disjoint and sorted, so each ends past the cursor
  }
  if (cursor < from.end) out.push({ start: cursor, end: from.end });
  return out;
}
