import { describe, expect, it } from "vitest";
import { at, makeBooking, makeInput, makeService, makeStaff } from "../../tests/support/engine-fixtures";
import { findSlots } from "./availability";
import { explainSlot } from "./explain";
import type { AvailabilityInput, Reason } from "./types";

const NOW = at("2026-05-01T00:00");
const MON = "2026-06-01";

function explain(input: AvailabilityInput, local: string, now = NOW, staffId = "anna"): Reason[] {
  return explainSlot(input, { staffId, start: at(`${MON}T${local}`), now });
}
const codes = (reasons: Reason[]) => reasons.map((r) => r.code);

describe("explainSlot", () => {
  it("returns nothing for every slot findSlots offers", () => {
    const input = makeInput({
      bookings: [makeBooking({ start: at(`${MON}T11:00`), end: at(`${MON}T12:00`) })],
    });
    const slots = findSlots(input, { from: MON, to: MON, timeZone: "Europe/London", now: NOW });
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots)
      expect(explainSlot(input, { staffId: "anna", start: slot.start, now: NOW })).toEqual([]);
  });

  it("staff_ineligible for someone who does not perform the service", () => {
    const input = makeInput({ staff: [makeStaff({ id: "carl" })] });
    expect(codes(explain(input, "10:00", NOW, "carl"))).toEqual(["staff_ineligible"]);
    expect(codes(explain(input, "10:00", NOW, "nobody"))).toEqual(["staff_ineligible"]);
  });

  it("outside_hours before opening, past closing and on a day off", () => {
    expect(codes(explain(makeInput(), "08:00"))).toEqual(["outside_hours"]);
    const late = explain(makeInput(), "16:30");
    expect(late).toEqual([
      {
        code: "outside_hours",
        message: "16:30–17:30 is outside their working hours (Mon 1 Jun: 09:00–17:00).",
      },
    ]);
    const sunday = explainSlot(makeInput(), { staffId: "anna", start: at("2026-05-31T10:00"), now: NOW });
    expect(sunday).toEqual([{ code: "outside_hours", message: "They do not work on Sun 31 May." }]);
  });

  it("not_aligned suggests the neighbouring grid starts", () => {
    expect(explain(makeInput(), "10:10")).toEqual([
      { code: "not_aligned", message: "Appointments start every 30 minutes from 09:00; try 10:00 or 10:30." },
    ]);
  });

  it("closure names the holiday", () => {
    const input = makeInput({
      tenant: { timeZone: "Europe/London", closures: [{ from: MON, to: MON, reason: "Bank holiday" }] },
    });
    expect(explain(input, "10:00")).toEqual([
      { code: "closure", message: "The business is closed (Bank holiday) on 2026-06-01." },
    ]);
  });

  it("time_off gives the reason and its span", () => {
    const staff = makeStaff({
      timeOff: [{ start: at(`${MON}T10:30`), end: at(`${MON}T12:00`), reason: "Training" }],
    });
    expect(explain(makeInput({ staff: [staff] }), "10:00")).toEqual([
      { code: "time_off", message: "They are off (Training) from Mon 1 Jun, 10:30 to Mon 1 Jun, 12:00." },
    ]);
    expect(explain(makeInput({ staff: [staff] }), "09:30")).toEqual([]);
  });

  it("booked when the appointments overlap, buffer when only the buffers do", () => {
    const service = makeService({ bufferAfterMinutes: 15 });
    const input = makeInput({
      service,
      bookings: [
        makeBooking({ start: at(`${MON}T11:00`), end: at(`${MON}T12:00`), bufferBeforeMinutes: 10 }),
      ],
    });
    expect(codes(explain(input, "11:30"))).toEqual(["booked"]);
    expect(explain(input, "10:00")).toEqual([
      {
        code: "buffer",
        message:
          "Too close to their booking Mon 1 Jun, 11:00–12:00: the preparation and clean-up time around the appointments would overlap.",
      },
    ]);
    expect(explain(input, "12:00")).toEqual([]);
  });

  it("min_notice with the earliest possible start, or says the time has passed", () => {
    const service = makeService({ minNoticeMinutes: 120 });
    expect(explain(makeInput({ service }), "10:00", at(`${MON}T09:00`))).toEqual([
      {
        code: "min_notice",
        message: "This service needs 2 hours notice; the earliest start right now is Mon 1 Jun, 11:00.",
      },
    ]);
    expect(explain(makeInput(), "10:00", at(`${MON}T10:01`))).toEqual([
      { code: "min_notice", message: "This time has already passed (it is now Mon 1 Jun, 10:01)." },
    ]);
  });

  it("beyond_horizon", () => {
    const input = makeInput({ service: makeService({ maxDaysInAdvance: 14 }) });
    expect(codes(explain(input, "10:00", at("2026-05-18T09:00")))).toEqual(["beyond_horizon"]);
    expect(codes(explain(input, "10:00", at("2026-05-18T10:00")))).toEqual([]);
  });

  it("resource_unavailable when no resource of the type is free with buffers", () => {
    const service = makeService({ requiredResourceTypeId: "room", bufferBeforeMinutes: 15 });
    const resources = [
      { id: "r1", typeId: "room", busy: [{ start: at(`${MON}T09:00`), end: at(`${MON}T10:00`) }] },
    ];
    expect(explain(makeInput({ service, resources }), "10:00")).toEqual([
      {
        code: "resource_unavailable",
        message:
          "No room or equipment of the required type is free from 09:45 to 11:00 (including preparation and clean-up).",
      },
    ]);
    expect(explain(makeInput({ service, resources }), "10:30")).toEqual([]);
  });

  it("session_full for a full group session; a partly sold one is bookable despite the staff being busy", () => {
    const service = makeService({ id: "yoga", capacity: 4 });
    const seats = (n: number) =>
      makeBooking({ serviceId: "yoga", start: at(`${MON}T10:00`), end: at(`${MON}T11:00`), seats: n });
    expect(explain(makeInput({ service, bookings: [seats(3)] }), "10:00")).toEqual([]);
    expect(explain(makeInput({ service, bookings: [seats(3), seats(1)] }), "10:00")).toEqual([
      { code: "session_full", message: "The group session is full (4 of 4 seats taken)." },
    ]);
    expect(codes(explain(makeInput({ service, bookings: [seats(3)] }), "10:30"))).toEqual(["booked"]);
  });

  it("lists every rule that is broken", () => {
    const staff = makeStaff({
      timeOff: [{ start: at(`${MON}T07:00`), end: at(`${MON}T08:30`), reason: "Gym" }],
    });
    const input = makeInput({ staff: [staff], service: makeService({ minNoticeMinutes: 60 }) });
    expect(codes(explain(input, "08:00", at(`${MON}T07:30`)))).toEqual([
      "min_notice",
      "outside_hours",
      "time_off",
    ]);
  });
});
