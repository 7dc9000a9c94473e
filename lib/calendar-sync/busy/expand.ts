import ICAL from "ical.js";
import { DateTime, IANAZone } from "luxon";
import { bookingIdFromUid } from "@/lib/bookings";

export type BusyInterval = { start: Date; end: Date };
export type EventBusy = { uid: string; own: boolean; intervals: BusyInterval[] };

export type ExpandOptions = {
  from: Date;
  to: Date;
  /** Zone for floating times and all-day dates: the staff member's. */
  zone: string;
  /** The calendar owner's addresses, to recognise invitations they declined. */
  ownEmails?: readonly string[];
};

/** Bounds an endless or pathological RRULE: occurrences kept in the window, and steps walked to reach it. */
const MAX_OCCURRENCES = 2_000;
const MAX_STEPS = 50_000;

/**
 * The busy intervals of one calendar object (an event with its recurrence exceptions) inside a window.
 * Free (TRANSP:TRANSPARENT), cancelled and declined occurrences are not busy; all-day events block whole
 * local days; recurrences are expanded by ical.js on the wall clock and each occurrence is placed in its
 * own zone by luxon, so a weekly 09:00 stays 09:00 across a DST change.
 */
export function expandBusy(ics: string, options: ExpandOptions): EventBusy | null {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // Custom zones (e.g. Outlook's "W. Europe Standard Time") resolve through their VTIMEZONE.
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const tzid = String(vtimezone.getFirstPropertyValue("tzid") ?? "");
    if (tzid && !IANAZone.isValidZone(tzid) && !ICAL.TimezoneService.has(tzid))
      ICAL.TimezoneService.register(vtimezone);
  }
  const events = calendar.getAllSubcomponents("vevent");
  const master = events.find((e) => !e.hasProperty("recurrence-id")) ?? events[0];
  if (!master) return null;
  const uid = String(master.getFirstPropertyValue("uid") ?? "");
  if (bookingIdFromUid(uid)) return { uid, own: true, intervals: [] };

  const event = new ICAL.Event(master, { exceptions: events.filter((e) => e !== master) });
  const from = options.from.getTime();
  const to = options.to.getTime();
  const intervals: BusyInterval[] = [];
  const add = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time) => {
    if (!isBusy(item.component, options.ownEmails ?? [])) return;
    const startZone = tzidOf(item.component, "dtstart");
    const startMs = instant(start, startZone, options.zone);
    let endMs = instant(end, tzidOf(item.component, "dtend") ?? startZone, options.zone);
    // An all-day event without DTEND lasts its one day (RFC 5545 3.6.1).
    if (start.isDate && endMs <= startMs)
      endMs = DateTime.fromMillis(startMs, { zone: options.zone }).plus({ days: 1 }).toMillis();
    if (endMs > from && startMs < to && endMs > startMs)
      intervals.push({ start: new Date(startMs), end: new Date(endMs) });
  };

  if (!event.isRecurring()) {
    add(event, event.startDate, event.endDate ?? event.startDate);
    return { uid, own: false, intervals };
  }
  const iterator = event.iterator();
  for (let n = 0, next = iterator.next(); next && n < MAX_STEPS; next = iterator.next(), n++) {
    if (instant(next, tzidOf(master, "dtstart"), options.zone) >= to || intervals.length >= MAX_OCCURRENCES)
      break;
    const details = event.getOccurrenceDetails(next);
    add(details.item, details.startDate, details.endDate);
  }
  return { uid, own: false, intervals };
}

function isBusy(component: ICAL.Component, ownEmails: readonly string[]): boolean {
  const transp = String(component.getFirstPropertyValue("transp") ?? "OPAQUE").toUpperCase();
  const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  if (transp === "TRANSPARENT" || status === "CANCELLED") return false;
  const own = new Set(ownEmails.map((e) => e.toLowerCase()));
  const declined = component.getAllProperties("attendee").some((a) => {
    const address = String(a.getFirstValue() ?? "")
      .replace(/^mailto:/i, "")
      .toLowerCase();
    return own.has(address) && String(a.getParameter("partstat") ?? "").toUpperCase() === "DECLINED";
  });
  return !declined;
}

function tzidOf(component: ICAL.Component, property: "dtstart" | "dtend"): string | null {
  const tzid = component.getFirstProperty(property)?.getParameter("tzid");
  return typeof tzid === "string" && tzid ? tzid : null;
}

/**
 * Epoch ms of an occurrence's wall-clock time: UTC as is; an IANA zone through luxon (which knows every
 * DST rule); a custom VTIMEZONE through ical.js; floating times and all-day dates in the staff member's zone.
 */
function instant(time: ICAL.Time, tzid: string | null, fallbackZone: string): number {
  if (time.zone === ICAL.Timezone.utcTimezone) return time.toUnixTime() * 1000;
  if (tzid && !IANAZone.isValidZone(tzid) && ICAL.TimezoneService.has(tzid)) {
    const zoned = time.clone();
    zoned.zone = ICAL.TimezoneService.get(tzid) as ICAL.Timezone;
    return zoned.toUnixTime() * 1000;
  }
  const wall = { year: time.year, month: time.month, day: time.day };
  const clock = time.isDate ? {} : { hour: time.hour, minute: time.minute, second: time.second };
  const zone = tzid && IANAZone.isValidZone(tzid) ? tzid : fallbackZone;
  return DateTime.fromObject({ ...wall, ...clock }, { zone }).toMillis();
}
