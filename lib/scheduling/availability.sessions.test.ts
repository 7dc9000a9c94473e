import { describe, expect, it } from "vitest";
import {
  at,
  makeBooking,
  makeInput,
  makeService,
  makeStaff,
  starts,
} from "../../tests/support/engine-fixtures";
import { findSlots } from "./availability";
import type { AvailabilityInput } from "./types";

const NOW = at("2026-05-01T00:00");
const MON = "2026-06-01";

function slotsOn(input: AvailabilityInput) {
  return findSlots(input, { from: MON, to: MON, timeZone: "Europe/London", now: NOW });
}

describe("resources", () => {
  const service = makeService({ requiredResourceTypeId: "room", bufferAfterMinutes: 15 });
  const rooms = [
    { id: "room-b", typeId: "room", busy: [] },
    { id: "room-a", typeId: "room", busy: [{ start: at(`${MON}T09:00`), end: at(`${MON}T10:00`) }] },
    { id: "chair", typeId: "chair", busy: [] },
  ];

  it("picks the first free resource of the type by id", () => {
    const slots = slotsOn(makeInput({ service, resources: rooms }));
    expect(slots[0]?.resourceIds).toEqual({ anna: "room-b" });
    expect(slots[2]?.resourceIds).toEqual({ anna: "room-a" });
  });

  it("needs a resource free for the buffered range, including other staff members' bookings", () => {
    const benUsesB = makeBooking({
      staffId: "ben",
      resourceId: "room-b",
      start: at(`${MON}T09:00`),
      end: at(`${MON}T11:00`),
    });
    const got = slotsOn(makeInput({ service, resources: rooms, bookings: [benUsesB] }));
    // room-a is free from 10:00, room-b from 11:00; 09:30 would hold a room until 10:45.
    expect(starts(got, "Europe/London", "HH:mm").slice(0, 2)).toEqual(["10:00", "10:30"]);
    expect(slotsOn(makeInput({ service, resources: [] }))).toEqual([]);
  });

  it("omits resourceIds when the service needs none", () => {
    expect(slotsOn(makeInput())[0]).not.toHaveProperty("resourceIds");
  });
});

describe("group sessions", () => {
  const service = makeService({ id: "yoga", capacity: 5, requiredResourceTypeId: "studio" });
  const studios = [
    { id: "s1", typeId: "studio", busy: [] },
    { id: "s2", typeId: "studio", busy: [] },
  ];
  const seat = (seats: number) =>
    makeBooking({
      serviceId: "yoga",
      resourceId: "s2",
      start: at(`${MON}T10:00`),
      end: at(`${MON}T11:00`),
      seats,
    });

  it("offers the open seats of an existing session, in its resource, and blocks overlapping starts", () => {
    const slots = slotsOn(makeInput({ service, resources: studios, bookings: [seat(2), seat(1)] }));
    const byTime = new Map(starts(slots, "Europe/London", "HH:mm").map((t, i) => [t, slots[i]]));
    expect(byTime.get("10:00")).toMatchObject({ seatsLeft: 2, resourceIds: { anna: "s2" } });
    expect(byTime.get("09:00")).toMatchObject({ seatsLeft: 5, resourceIds: { anna: "s1" } });
    expect(byTime.has("09:30")).toBe(false);
    expect(byTime.has("10:30")).toBe(false);
    expect(byTime.has("11:00")).toBe(true);
  });

  it("does not offer a full session", () => {
    const slots = slotsOn(makeInput({ service, resources: studios, bookings: [seat(3), seat(2)] }));
    expect(starts(slots, "Europe/London", "HH:mm")).not.toContain("10:00");
  });

  it("treats another service at the same start as an ordinary booking", () => {
    const other = { ...seat(1), serviceId: "pilates" };
    expect(
      starts(
        slotsOn(makeInput({ service, resources: studios, bookings: [other] })),
        "Europe/London",
        "HH:mm",
      ),
    ).not.toContain("10:00");
  });

  it("reports the best seat count across staff at the same start", () => {
    const ben = makeStaff({ id: "ben" });
    const slots = slotsOn(
      makeInput({
        service,
        staff: [makeStaff(), ben],
        resources: studios,
        bookings: [{ ...seat(4), staffId: "ben" }],
      }),
    );
    const ten = slots.find((s) => s.start === at(`${MON}T10:00`));
    expect(ten).toMatchObject({
      staffIds: ["anna", "ben"],
      seatsLeft: 5,
      resourceIds: { anna: "s1", ben: "s2" },
    });
  });
});
