import { describe, expect, it } from "vitest";
import { bookingUid } from "@/lib/bookings";
import { expandBusy } from "./expand";

const window = {
  from: new Date("2026-10-01T00:00:00Z"),
  to: new Date("2026-12-01T00:00:00Z"),
  zone: "Europe/London",
};

function ics(...lines: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...lines, "END:VCALENDAR"].join("\r\n");
}
function vevent(...lines: string[]): string[] {
  return ["BEGIN:VEVENT", "DTSTAMP:20260101T000000Z", ...lines, "END:VEVENT"];
}
const iso = (r: ReturnType<typeof expandBusy>) =>
  r?.intervals.map((i) => `${i.start.toISOString()}/${i.end.toISOString()}`);

describe("expandBusy", () => {
  it("reads a timed event in its zone, and a UTC one as is", () => {
    const zoned = ics(
      ...vevent(
        "UID:a",
        "DTSTART;TZID=Europe/Berlin:20261005T100000",
        "DTEND;TZID=Europe/Berlin:20261005T113000",
      ),
    );
    expect(iso(expandBusy(zoned, window))).toEqual(["2026-10-05T08:00:00.000Z/2026-10-05T09:30:00.000Z"]);
    const utc = ics(...vevent("UID:b", "DTSTART:20261005T100000Z", "DURATION:PT45M"));
    expect(iso(expandBusy(utc, window))).toEqual(["2026-10-05T10:00:00.000Z/2026-10-05T10:45:00.000Z"]);
  });

  it("skips free, cancelled and declined events, and recognises Boka's own by UID", () => {
    const base = ["DTSTART:20261005T100000Z", "DTEND:20261005T110000Z"];
    expect(expandBusy(ics(...vevent("UID:f", "TRANSP:TRANSPARENT", ...base)), window)?.intervals).toEqual([]);
    expect(expandBusy(ics(...vevent("UID:c", "STATUS:CANCELLED", ...base)), window)?.intervals).toEqual([]);
    const invite = ics(
      ...vevent(
        "UID:d",
        ...base,
        "ATTENDEE;PARTSTAT=DECLINED:mailto:Priya@example.test",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:x@example.test",
      ),
    );
    expect(expandBusy(invite, { ...window, ownEmails: ["priya@example.test"] })?.intervals).toEqual([]);
    expect(expandBusy(invite, { ...window, ownEmails: ["x@example.test"] })?.intervals).toHaveLength(1);
    const own = expandBusy(
      ics(...vevent(`UID:${bookingUid("6f1c1f4e-2d7c-4c36-9a57-1e2f3a4b5c6d")}`, ...base)),
      window,
    );
    expect(own).toMatchObject({ own: true, intervals: [] });
  });

  it("blocks whole local days for all-day events, with or without DTEND", () => {
    const two = ics(...vevent("UID:h", "DTSTART;VALUE=DATE:20261005", "DTEND;VALUE=DATE:20261007"));
    expect(iso(expandBusy(two, window))).toEqual(["2026-10-04T23:00:00.000Z/2026-10-06T23:00:00.000Z"]);
    const one = ics(...vevent("UID:i", "DTSTART;VALUE=DATE:20261105"));
    expect(iso(expandBusy(one, window))).toEqual(["2026-11-05T00:00:00.000Z/2026-11-06T00:00:00.000Z"]);
  });

  it("expands a weekly event across the end of DST on the wall clock, with exceptions and EXDATE", () => {
    const weekly = ics(
      ...vevent(
        "UID:w",
        "DTSTART;TZID=Europe/London:20261019T090000",
        "DTEND;TZID=Europe/London:20261019T100000",
        "RRULE:FREQ=WEEKLY;COUNT=4",
        "EXDATE;TZID=Europe/London:20261102T090000",
      ),
      ...vevent(
        "UID:w",
        "RECURRENCE-ID;TZID=Europe/London:20261109T090000",
        "DTSTART;TZID=Europe/London:20261109T140000",
        "DTEND;TZID=Europe/London:20261109T150000",
      ),
    );
    expect(iso(expandBusy(weekly, window))).toEqual([
      "2026-10-19T08:00:00.000Z/2026-10-19T09:00:00.000Z", // BST: 09:00 is 08:00 UTC
      "2026-10-26T09:00:00.000Z/2026-10-26T10:00:00.000Z", // GMT from 25 October: 09:00 is 09:00 UTC
      "2026-11-09T14:00:00.000Z/2026-11-09T15:00:00.000Z", // the moved occurrence
    ]);
  });

  it("stops an endless rule at the window and keeps only occurrences inside it", () => {
    const daily = ics(
      ...vevent("UID:e", "DTSTART:20200101T120000Z", "DTEND:20200101T130000Z", "RRULE:FREQ=DAILY"),
    );
    const result = expandBusy(daily, {
      ...window,
      from: new Date("2026-10-01T00:00:00Z"),
      to: new Date("2026-10-04T00:00:00Z"),
    });
    expect(result?.intervals).toHaveLength(3);
  });
});
