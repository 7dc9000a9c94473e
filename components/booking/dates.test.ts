import { describe, expect, it } from "vitest";
import { addDays, datesFrom, dayLabel, formatTime, groupByLocalDate, localDateOf, zoneName } from "./dates";

describe("localDateOf", () => {
  it("reads the calendar date in the given zone, not in UTC", () => {
    const instant = "2026-03-10T23:30:00Z";
    expect(localDateOf(instant, "UTC")).toBe("2026-03-10");
    expect(localDateOf(instant, "Europe/London")).toBe("2026-03-10");
    expect(localDateOf(instant, "Australia/Sydney")).toBe("2026-03-11");
    expect(localDateOf(instant, "America/Los_Angeles")).toBe("2026-03-10");
    expect(localDateOf("2026-03-11T06:00:00Z", "America/Los_Angeles")).toBe("2026-03-10");
  });

  it("handles a half-hour zone", () => {
    expect(localDateOf("2026-06-01T18:29:00Z", "Asia/Kolkata")).toBe("2026-06-01");
    expect(localDateOf("2026-06-01T18:30:00Z", "Asia/Kolkata")).toBe("2026-06-02");
  });
});

describe("addDays", () => {
  it("crosses month, year and daylight-saving boundaries by whole calendar days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("datesFrom lists consecutive days", () => {
    expect(datesFrom("2026-10-24", 3)).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
  });
});

describe("labels", () => {
  it("names the date itself whatever the host zone", () => {
    const label = dayLabel("2026-03-29", "en-GB");
    expect(label.weekday).toBe("Sun");
    expect(label.full).toBe("Sunday 29 March");
  });

  it("formats a time in the requested zone", () => {
    expect(formatTime("2026-07-01T09:00:00Z", "Europe/London", "en-GB")).toBe("10:00");
    expect(formatTime("2026-07-01T09:00:00Z", "America/New_York", "en-GB")).toBe("5:00");
  });

  it("makes zone names readable", () => {
    expect(zoneName("America/New_York")).toBe("America/New York");
  });
});

describe("groupByLocalDate", () => {
  it("groups by the customer's date, keeping order", () => {
    const slots = [
      { start: "2026-06-01T22:00:00Z" },
      { start: "2026-06-01T23:30:00Z" },
      { start: "2026-06-02T08:00:00Z" },
    ];
    const inLondon = groupByLocalDate(slots, "Europe/London");
    expect([...inLondon.keys()]).toEqual(["2026-06-01", "2026-06-02"]);
    expect(inLondon.get("2026-06-02")).toEqual([slots[1], slots[2]]);
    const inUtc = groupByLocalDate(slots, "UTC");
    expect(inUtc.get("2026-06-01")).toEqual([slots[0], slots[1]]);
  });
});
