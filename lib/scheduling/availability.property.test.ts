import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { workingSpans } from "../../tests/support/engine-fixtures";
import { run, scenario } from "../../tests/support/engine-scenario";
import { findSlots } from "./availability";
import { explainSlot } from "./explain";
import type { Booking, InstantInterval, StaffMember } from "./types";

const MIN = 60_000;
const DAY = 86_400_000;

const localDate = (instant: number, zone: string) =>
  DateTime.fromMillis(instant, { zone }).toISODate() as string;
const overlap = (a: InstantInterval, b: InstantInterval) =>
  Math.max(a.start, b.start) < Math.min(a.end, b.end);

/** Every (slot, staff member) pair the finder offers. */
function* offers({ input, slots }: ReturnType<typeof run>) {
  for (const slot of slots) {
    for (const id of slot.staffIds)
      yield { slot, id, staff: input.staff.find((x) => x.id === id) as StaffMember };
  }
}

const blocked = (b: Booking) => ({
  start: b.start - b.bufferBeforeMinutes * MIN,
  end: b.end + b.bufferAfterMinutes * MIN,
});

describe("findSlots properties", () => {
  const numRuns = 100;

  it("never overlaps bookings, resources' busy time, time off, external busy times or closures (buffers included)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        const { service, tenant, resources } = r.input;
        for (const { slot, id, staff } of offers(r)) {
          expect(staff.timeOff.some((t) => overlap(t, slot))).toBe(false);
          expect((staff.externalBusy ?? []).some((t) => overlap(t, slot))).toBe(false);
          for (const c of tenant.closures) {
            const days = [slot.start, slot.end - 1].map((edge) => localDate(edge, tenant.timeZone));
            expect(days.some((d) => d >= c.from && d <= c.to)).toBe(false);
          }
          const session = r.active.filter(
            (b) => b.staffId === id && b.serviceId === "svc" && b.start === slot.start,
          );
          if (service.capacity > 1 && session.length > 0) {
            // Joining a session: the staff member is busy with it by design, but a seat must be left.
            expect(session.reduce((n, b) => n + b.seats, 0)).toBeLessThan(service.capacity);
            continue;
          }
          const mine = {
            start: slot.start - service.bufferBeforeMinutes * MIN,
            end: slot.end + service.bufferAfterMinutes * MIN,
          };
          expect(r.active.filter((b) => b.staffId === id && overlap(blocked(b), mine))).toEqual([]);
          if (service.requiredResourceTypeId) {
            const room = resources.find((x) => x.id === slot.resourceIds?.[id]);
            expect(room?.typeId).toBe("room");
            expect(room?.busy.some((b) => overlap(b, mine))).toBe(false);
            expect(r.active.filter((b) => b.resourceId === room?.id && overlap(blocked(b), mine))).toEqual(
              [],
            );
          }
        }
      }),
      { numRuns },
    );
  });

  it("external busy times close exactly the slots they overlap, and no others", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        const pairs = (slots: typeof r.slots) =>
          new Set(slots.flatMap((slot) => slot.staffIds.map((id) => `${slot.start}:${id}`)));
        const free = { ...r.input, staff: r.input.staff.map((st) => ({ ...st, externalBusy: [] })) };
        const expected = [...pairs(findSlots(free, r.query))].filter((key) => {
          const [start = 0, id] = key.split(":").map((part, i) => (i === 0 ? Number(part) : part)) as [
            number,
            string,
          ];
          const staff = r.input.staff.find((x) => x.id === id);
          const slot = { start, end: start + r.input.service.durationMinutes * MIN };
          return !(staff?.externalBusy ?? []).some((t) => overlap(t, slot));
        });
        expect([...pairs(r.slots)].sort()).toEqual(expected.sort());
      }),
      { numRuns },
    );
  });

  it("puts every slot inside the staff member's working hours, read on their local wall clock", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        for (const { slot, staff } of offers(r)) {
          expect(slot.end - slot.start).toBe(r.input.service.durationMinutes * MIN);
          const spans = workingSpans(staff, localDate(slot.start, staff.timeZone));
          expect(spans.some((sp) => sp.start <= slot.start && slot.end <= sp.end)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it("respects notice, horizon, the query's dates and staff filter; sorted with distinct starts", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { input, query, slots } = run(s);
        const { service } = input;
        slots.forEach((slot, i) => {
          if (i > 0) expect(slot.start).toBeGreaterThan((slots[i - 1] as (typeof slots)[number]).start);
          expect(slot.start).toBeGreaterThanOrEqual(query.now + service.minNoticeMinutes * MIN);
          expect(slot.start).toBeLessThanOrEqual(query.now + service.maxDaysInAdvance * DAY);
          const day = localDate(slot.start, query.timeZone);
          expect(day >= query.from && day <= query.to).toBe(true);
          expect(slot.staffIds).toEqual([...new Set(slot.staffIds)].sort());
          for (const id of slot.staffIds) {
            expect(service.staffIds).toContain(id);
            if (query.staffId) expect(id).toBe(query.staffId);
          }
        });
      }),
      { numRuns },
    );
  });

  it("explainSlot finds no reason exactly when findSlots offers the staff member", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { input, query, slots } = run(s);
        const from = DateTime.fromISO(query.from, { zone: query.timeZone }).toMillis();
        const to = DateTime.fromISO(query.to, { zone: query.timeZone }).plus({ days: 1 }).toMillis();
        const offered = new Map(slots.map((sl) => [sl.start, sl.staffIds]));
        const team = input.staff.filter(
          (st) => input.service.staffIds.includes(st.id) && (!query.staffId || st.id === query.staffId),
        );
        for (const [i, p] of s.probes.entries()) {
          // Probes hit offered starts, their neighbours (where rules most likely disagree) and anywhere.
          const near = slots[p % Math.max(1, slots.length)];
          const start =
            i % 3 !== 2 && near
              ? near.start + (i % 3 === 0 ? 0 : (((p >> 8) % 13) - 6) * 5 * MIN)
              : from + (p % Math.ceil((to - from) / (5 * MIN))) * 5 * MIN;
          if (start < from || start >= to) continue;
          for (const st of team) {
            const bookable = explainSlot(input, { staffId: st.id, start, now: query.now }).length === 0;
            expect(bookable).toBe(offered.get(start)?.includes(st.id) ?? false);
          }
        }
      }),
      { numRuns },
    );
  });
});
