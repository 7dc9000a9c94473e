import { describe, expect, it } from "vitest";
import {
  at,
  everyDay,
  makeBooking,
  makeInput,
  makeService,
  makeStaff,
  starts,
} from "../../tests/support/engine-fixtures";
import { findSlots } from "./availability";
import type { AvailabilityInput, SlotQuery } from "./types";

const NOW = at("2026-05-01T00:00");
const MON = "2026-06-01";

function slotsOn(input: AvailabilityInput, from = MON, extra: Partial<SlotQuery> = {}) {
  return findSlots(input, { from, to: from, timeZone: "Europe/London", now: NOW, ...extra });
}

describe("working hours and the slot grid", () => {
  it("offers every grid start whose appointment fits inside the hours", () => {
    const slots = slotsOn(makeInput());
    expect(starts(slots, "Europe/London", "HH:mm")).toEqual(
      ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"].concat([
        "13:00",
        "13:30",
        "14:00",
        "14:30",
        "15:00",
        "15:30",
        "16:00",
      ]),
    );
    expect(slots[0]).toEqual({
      start: at(`${MON}T09:00`),
      end: at(`${MON}T10:00`),
      staffIds: ["anna"],
      seatsLeft: 1,
    });
  });

  it("defaults the interval to 15 minutes", () => {
    const slots = slotsOn(makeInput({ service: makeService({ slotIntervalMinutes: undefined }) }));
    expect(slots).toHaveLength(29);
    expect(slots[1]?.start).toBe(at(`${MON}T09:15`));
  });

  it("anchors the grid at the start of each working interval", () => {
    const staff = makeStaff({
      weeklyHours: {
        1: [
          { start: "09:10", end: "11:00" },
          { start: "13:05", end: "14:05" },
        ],
      },
    });
    const slots = slotsOn(makeInput({ service: makeService({ durationMinutes: 30 }), staff: [staff] }));
    expect(starts(slots, "Europe/London", "HH:mm")).toEqual(["09:10", "09:40", "10:10", "13:05", "13:35"]);
  });

  it("does not let an appointment straddle a break, but fuses touching intervals", () => {
    const lunch = makeStaff({
      weeklyHours: {
        1: [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "15:00" },
        ],
      },
    });
    expect(starts(slotsOn(makeInput({ staff: [lunch] })), "Europe/London", "HH:mm")).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "13:00",
      "13:30",
      "14:00",
    ]);
    const touching = makeStaff({
      weeklyHours: {
        1: [
          { start: "09:00", end: "10:00" },
          { start: "10:00", end: "11:00" },
        ],
      },
    });
    expect(starts(slotsOn(makeInput({ staff: [touching] })), "Europe/London", "HH:mm")).toEqual([
      "09:00",
      "09:30",
      "10:00",
    ]);
  });

  it("applies date overrides instead of the weekly hours", () => {
    const staff = makeStaff({
      dateOverrides: { [MON]: "closed", "2026-06-02": [{ start: "18:00", end: "20:00" }] },
    });
    const slots = findSlots(makeInput({ staff: [staff] }), {
      from: MON,
      to: "2026-06-02",
      timeZone: "Europe/London",
      now: NOW,
    });
    expect(starts(slots)).toEqual(["2026-06-02 18:00", "2026-06-02 18:30", "2026-06-02 19:00"]);
  });

  it("accepts 24:00 as the end of the day", () => {
    const staff = makeStaff({ weeklyHours: { 1: [{ start: "22:00", end: "24:00" }] } });
    expect(starts(slotsOn(makeInput({ staff: [staff] })), "Europe/London", "HH:mm")).toEqual([
      "22:00",
      "22:30",
      "23:00",
    ]);
  });

  it("returns slots starting on the query's local dates, in the query's zone", () => {
    // New York's 1 June is 04:00Z–04:00Z next day; a London 24h worker never spans London midnight (23:00Z).
    const service = makeService({ slotIntervalMinutes: 60 });
    const staff = makeStaff({ weeklyHours: everyDay([{ start: "00:00", end: "24:00" }]) });
    const slots = slotsOn(makeInput({ service, staff: [staff] }), MON, { timeZone: "America/New_York" });
    expect(starts(slots, "UTC", "HH:mm")).toEqual(
      [
        "04",
        "05",
        "06",
        "07",
        "08",
        "09",
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "20",
        "21",
        "22",
      ]
        .concat(["23", "00", "01", "02", "03"])
        .map((h) => `${h}:00`),
    );
  });
});

describe("time off and closures", () => {
  it("skips slots that overlap time off", () => {
    const staff = makeStaff({
      timeOff: [{ start: at(`${MON}T10:15`), end: at(`${MON}T15:00`), reason: "Dentist" }],
    });
    expect(starts(slotsOn(makeInput({ staff: [staff] })), "Europe/London", "HH:mm")).toEqual([
      "09:00",
      "15:00",
      "15:30",
      "16:00",
    ]);
  });

  it("closes the tenant's local dates for everyone", () => {
    // Closed on 1 June in New York = 04:00Z 1 June to 04:00Z 2 June, whatever the staff member's zone.
    const service = makeService({ slotIntervalMinutes: 60 });
    const staff = makeStaff({ weeklyHours: everyDay([{ start: "00:00", end: "24:00" }]) });
    const input = makeInput({
      service,
      staff: [staff],
      tenant: { timeZone: "America/New_York", closures: [{ from: MON, to: MON, reason: "Holiday" }] },
    });
    const slots = findSlots(input, { from: MON, to: "2026-06-02", timeZone: "UTC", now: NOW });
    expect(starts(slots, "UTC")).toContain("2026-06-01 03:00");
    expect(starts(slots, "UTC")).toContain("2026-06-02 04:00");
    expect(
      slots.filter((s) => s.end > at(`${MON}T04:00`, "UTC") && s.start < at("2026-06-02T04:00", "UTC")),
    ).toEqual([]);
  });
});

describe("existing bookings and buffers", () => {
  const service = makeService({ slotIntervalMinutes: 15, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
  const booked = makeBooking({
    start: at(`${MON}T11:00`),
    end: at(`${MON}T12:00`),
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
  });

  it("keeps both bookings' buffered ranges apart", () => {
    // Blocked 10:50–12:10; a new slot blocks [start-15, end+15).
    const got = starts(slotsOn(makeInput({ service, bookings: [booked] })), "Europe/London", "HH:mm");
    expect(got).toContain("09:30");
    expect(got).not.toContain("09:45");
    expect(got).not.toContain("12:15");
    expect(got).toContain("12:30");
  });

  it("ignores expired holds and other staff members' bookings", () => {
    const expired = { ...booked, holdExpiresAt: NOW };
    const live = { ...booked, start: at(`${MON}T14:00`), end: at(`${MON}T15:00`), holdExpiresAt: NOW + 1 };
    const elsewhere = { ...booked, staffId: "ben", start: at(`${MON}T09:00`), end: at(`${MON}T10:00`) };
    const got = starts(
      slotsOn(makeInput({ service, bookings: [expired, live, elsewhere] })),
      "Europe/London",
      "HH:mm",
    );
    expect(got).toContain("09:00");
    expect(got).toContain("11:00");
    expect(got).not.toContain("14:00");
  });
});

describe("notice and horizon", () => {
  it("starts no earlier than now + minimum notice", () => {
    const now = at(`${MON}T10:07`);
    const service = makeService({ minNoticeMinutes: 60, slotIntervalMinutes: 15 });
    expect(slotsOn(makeInput({ service }), MON, { now })[0]?.start).toBe(at(`${MON}T11:15`));
  });

  it("starts no later than now + maxDaysInAdvance days", () => {
    const now = at("2026-05-31T12:00");
    const service = makeService({ maxDaysInAdvance: 1 });
    const slots = slotsOn(makeInput({ service }), MON, { now });
    expect(slots.at(-1)?.start).toBe(at(`${MON}T12:00`));
    expect(slotsOn(makeInput({ service }), "2026-06-02", { now })).toEqual([]);
  });
});

describe("staff", () => {
  const ben = makeStaff({ id: "ben", weeklyHours: { 1: [{ start: "08:00", end: "10:00" }] } });
  const carl = makeStaff({ id: "carl" });

  it("merges staff per start, sorted, and leaves out staff who do not perform the service", () => {
    const slots = slotsOn(makeInput({ staff: [makeStaff(), ben, carl] }));
    expect(slots.slice(0, 4).map((s) => [s.staffIds, s.start])).toEqual([
      [["ben"], at(`${MON}T08:00`)],
      [["ben"], at(`${MON}T08:30`)],
      [["anna", "ben"], at(`${MON}T09:00`)],
      [["anna"], at(`${MON}T09:30`)],
    ]);
    expect(slots.some((s) => s.staffIds.includes("carl"))).toBe(false);
  });

  it("filters to one staff member", () => {
    const slots = slotsOn(makeInput({ staff: [makeStaff(), ben] }), MON, { staffId: "ben" });
    expect(slots.map((s) => s.staffIds)).toEqual([["ben"], ["ben"], ["ben"]]);
  });
});
