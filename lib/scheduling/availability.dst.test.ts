import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  at,
  everyDay,
  hhmm,
  makeBooking,
  makeInput,
  makeService,
  makeStaff,
  plusDays,
  starts,
  workingSpans,
} from "../../tests/support/engine-fixtures";
import { findSlots } from "./availability";
import { explainSlot } from "./explain";
import type { AvailabilityInput, LocalInterval, Slot, StaffMember } from "./types";

const NOW = Date.UTC(2026, 0, 1);

function setup(zone: string, hours: LocalInterval[], minutes = 30): AvailabilityInput {
  return makeInput({
    service: makeService({ durationMinutes: minutes, slotIntervalMinutes: minutes }),
    staff: [makeStaff({ timeZone: zone, weeklyHours: everyDay(hours) })],
    tenant: { timeZone: zone, closures: [] },
  });
}

function day(input: AvailabilityInput, date: string, to = date): Slot[] {
  const zone = input.tenant.timeZone;
  return findSlots(input, { from: date, to, timeZone: zone, now: NOW });
}

/** Local start with its UTC offset, so a repeated wall time is visibly two different instants. */
const labels = (slots: Slot[], zone: string) => starts(slots, zone, "HH:mm ZZ");

function expectNoOverlap(slots: Slot[]) {
  for (let i = 1; i < slots.length; i++) {
    expect((slots[i] as Slot).start).toBeGreaterThanOrEqual((slots[i - 1] as Slot).end);
  }
}

describe("Europe/London", () => {
  const zone = "Europe/London";

  it("keeps 09:00–17:00 at eight local hours on both transition Sundays", () => {
    const input = setup(zone, [{ start: "09:00", end: "17:00" }], 60);
    for (const [date, offset] of [
      ["2026-03-29", "+01:00"],
      ["2026-10-25", "+00:00"],
    ] as const) {
      const slots = day(input, date);
      expect(labels(slots, zone)).toEqual(
        ["09", "10", "11", "12", "13", "14", "15", "16"].map((h) => `${h}:00 ${offset}`),
      );
    }
  });

  it("never offers the skipped hour on the spring-forward day", () => {
    const slots = day(setup(zone, [{ start: "00:00", end: "03:00" }]), "2026-03-29");
    expect(labels(slots, zone)).toEqual(["00:00 +00:00", "00:30 +00:00", "02:00 +01:00", "02:30 +01:00"]);
    expectNoOverlap(slots);
  });

  it("snaps hours that begin or end in the skipped hour to the jump", () => {
    expect(labels(day(setup(zone, [{ start: "01:30", end: "03:00" }]), "2026-03-29"), zone)).toEqual([
      "02:00 +01:00",
      "02:30 +01:00",
    ]);
    expect(labels(day(setup(zone, [{ start: "00:00", end: "01:30" }]), "2026-03-29"), zone)).toEqual([
      "00:00 +00:00",
      "00:30 +00:00",
    ]);
  });

  it("offers both runs of the repeated hour as distinct, non-overlapping instants", () => {
    const slots = day(setup(zone, [{ start: "00:00", end: "03:00" }]), "2026-10-25");
    expect(labels(slots, zone)).toEqual([
      "00:00 +01:00",
      "00:30 +01:00",
      "01:00 +01:00",
      "01:30 +01:00",
      "01:00 +00:00",
      "01:30 +00:00",
      "02:00 +00:00",
      "02:30 +00:00",
    ]);
    expect(new Set(slots.map((s) => s.start)).size).toBe(8);
    expectNoOverlap(slots);
  });

  it("starts hours at the first occurrence of a repeated time", () => {
    const input = setup(zone, [{ start: "01:30", end: "02:30" }]);
    expect(labels(day(input, "2026-10-25"), zone)).toEqual([
      "01:30 +01:00",
      "01:00 +00:00",
      "01:30 +00:00",
      "02:00 +00:00",
    ]);
  });

  it("blocks only the run of the repeated hour that is actually booked", () => {
    const second = Date.UTC(2026, 9, 25, 1, 30); // 01:30 GMT, after the clocks went back
    const input = {
      ...setup(zone, [{ start: "00:00", end: "03:00" }]),
      bookings: [makeBooking({ start: second, end: second + 30 * 60_000 })],
    };
    const slots = day(input, "2026-10-25");
    expect(labels(slots, zone)).toContain("01:30 +01:00");
    expect(labels(slots, zone)).not.toContain("01:30 +00:00");
    expect(explainSlot(input, { staffId: "anna", start: second, now: NOW }).map((r) => r.code)).toEqual([
      "booked",
    ]);
  });

  it("keeps 09:00 local across the transition for a customer querying in UTC", () => {
    const input = setup(zone, [{ start: "09:00", end: "10:00" }], 60);
    const slots = findSlots(input, { from: "2026-10-23", to: "2026-10-26", timeZone: "UTC", now: NOW });
    expect(starts(slots, "UTC")).toEqual([
      "2026-10-23 08:00",
      "2026-10-24 08:00",
      "2026-10-25 09:00",
      "2026-10-26 09:00",
    ]);
  });
});

describe("America/New_York", () => {
  const zone = "America/New_York";

  it("skips 02:00–03:00 on the spring-forward day", () => {
    const slots = day(setup(zone, [{ start: "00:00", end: "04:00" }], 60), "2026-03-08");
    expect(labels(slots, zone)).toEqual(["00:00 -05:00", "01:00 -05:00", "03:00 -04:00"]);
  });

  it("runs 01:00 twice on the fall-back day", () => {
    const slots = day(setup(zone, [{ start: "00:00", end: "03:00" }], 60), "2026-11-01");
    expect(labels(slots, zone)).toEqual(["00:00 -04:00", "01:00 -04:00", "01:00 -05:00", "02:00 -05:00"]);
    expectNoOverlap(slots);
  });
});

describe("Australia/Sydney", () => {
  const zone = "Australia/Sydney";

  it("skips 02:00–03:00 in October and repeats it in April", () => {
    const hours = [{ start: "01:00", end: "04:00" }];
    expect(labels(day(setup(zone, hours, 60), "2026-10-04"), zone)).toEqual(["01:00 +10:00", "03:00 +11:00"]);
    expect(labels(day(setup(zone, hours, 60), "2026-04-05"), zone)).toEqual([
      "01:00 +11:00",
      "02:00 +11:00",
      "02:00 +10:00",
      "03:00 +10:00",
    ]);
  });
});

describe("half-hour zones", () => {
  const zone = "Australia/Adelaide";

  it("Adelaide spring-forward (+09:30 → +10:30) skips 02:00–03:00", () => {
    const slots = day(setup(zone, [{ start: "01:30", end: "04:00" }]), "2026-10-04");
    expect(labels(slots, zone)).toEqual(["01:30 +09:30", "03:00 +10:30", "03:30 +10:30"]);
    expect(new Date((slots[1] as Slot).start).toISOString()).toBe("2026-10-03T16:30:00.000Z");
  });

  it("Adelaide fall-back (+10:30 → +09:30) repeats 02:00–03:00", () => {
    const slots = day(setup(zone, [{ start: "01:30", end: "03:30" }]), "2026-04-05");
    expect(labels(slots, zone)).toEqual([
      "01:30 +10:30",
      "02:00 +10:30",
      "02:30 +10:30",
      "02:00 +09:30",
      "02:30 +09:30",
      "03:00 +09:30",
    ]);
    expectNoOverlap(slots);
  });

  it("Adelaide keeps local opening hours through the transition week", () => {
    const slots = day(setup(zone, [{ start: "09:00", end: "10:00" }], 60), "2026-10-03", "2026-10-05");
    expect(labels(slots, zone)).toEqual(["09:00 +09:30", "09:00 +10:30", "09:00 +10:30"]);
  });

  it("Kolkata (+05:30, no DST) maps 09:00 to 03:30Z", () => {
    const slots = day(setup("Asia/Kolkata", [{ start: "09:00", end: "10:00" }], 60), "2026-06-01");
    expect(slots.map((s) => s.start)).toEqual([at("2026-06-01T03:30", "UTC")]);
  });
});

// Transition Sundays of the DST zones used throughout these tests.
const TRANSITIONS: [string, string][] = [
  ["Europe/London", "2026-03-29"],
  ["Europe/London", "2026-10-25"],
  ["America/New_York", "2026-03-08"],
  ["America/New_York", "2026-11-01"],
  ...["Australia/Sydney", "Australia/Adelaide", "Australia/Lord_Howe"].flatMap((z): [string, string][] => [
    [z, "2026-04-05"],
    [z, "2026-10-04"],
  ]),
];

/** With nothing else in the way, the offered starts are exactly the grid over the oracle's local hours. */
function checkGrid([[zone, date], hours, minutes]: [[string, string], LocalInterval[], number]): void {
  const input = setup(zone, hours, minutes);
  const [from, to] = [plusDays(date, -1), plusDays(date, 1)];
  const expected: number[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) {
    for (const span of workingSpans(input.staff[0] as StaffMember, d)) {
      for (let t = span.start; t + minutes * 60_000 <= span.end; t += minutes * 60_000) expected.push(t);
    }
  }
  expect(day(input, from, to).map((s) => s.start)).toEqual(expected);
}

describe("property: DST transition days", () => {
  it("offers exactly the local grid: skipped times never, repeated ones as distinct instants", () => {
    const early = fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 8 }))
      .map(([a, len]): LocalInterval => ({ start: hhmm(a * 30), end: hhmm((a + len) * 30) }));
    const hours = fc.array(early, { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom(...TRANSITIONS), hours, fc.constantFrom(15, 30, 60)), checkGrid),
      { numRuns: 150 },
    );
  });
});
