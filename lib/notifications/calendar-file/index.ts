import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { bookingUid } from "@/lib/bookings";
import { config } from "@/lib/config";

export type CalendarBooking = {
  id: string;
  /** The booking's change counter: calendar apps replace an event only when SEQUENCE grows. */
  sequence: number;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  manageUrl: string | null;
  organizer: { name: string; email: string };
};

/** REQUEST/CANCEL travel in emails (the app updates its copy); PUBLISH is the plain download. */
export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

/** The address part of MAIL_FROM ("Boka <x@y>" → x@y): the organizer a calendar app shows. */
export function organizerEmail(): string {
  const from = config().MAIL_FROM;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** An iCalendar file for the booking; every instant written in UTC (no TZID), as the spec allows. */
export function bookingCalendarFile(booking: CalendarBooking, method: CalendarMethod): string {
  const calendar = ical({
    prodId: { company: "Boka", product: "bookings", language: "EN" },
    method: ICalCalendarMethod[method],
  });
  calendar.createEvent({
    id: bookingUid(booking.id),
    sequence: booking.sequence,
    start: booking.start,
    end: booking.end,
    stamp: new Date(),
    summary: booking.title,
    description: booking.description,
    location: booking.location || null,
    url: booking.manageUrl,
    organizer: booking.organizer,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

export function calendarAttachment(booking: CalendarBooking, method: Exclude<CalendarMethod, "PUBLISH">) {
  return {
    filename: method === "CANCEL" ? "cancel.ics" : "invite.ics",
    contentType: `text/calendar; method=${method}; charset=utf-8`,
    content: bookingCalendarFile(booking, method),
  };
}

const googleStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Google Calendar's documented "create event" template link (calendar.google.com/calendar/render). */
export function googleCalendarLink(booking: Omit<CalendarBooking, "sequence" | "organizer">): string {
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", booking.title);
  url.searchParams.set("dates", `${googleStamp(booking.start)}/${googleStamp(booking.end)}`);
  url.searchParams.set("details", booking.description);
  if (booking.location) url.searchParams.set("location", booking.location);
  return url.toString();
}
