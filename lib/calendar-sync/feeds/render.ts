import { createHash } from "node:crypto";
import ical, { ICalEventStatus } from "ical-generator";
import { bookingUid } from "@/lib/bookings";

export type FeedBooking = {
  id: string;
  status: "pending" | "confirmed";
  startAt: Date;
  endAt: Date;
  updatedAt: Date;
  sequence: number;
  serviceName: string;
  staffName: string;
  customerName: string;
  customerEmail: string | null;
  customerPhone: string | null;
  notes: string;
};

export type FeedOptions = { calendarName: string; hideDetails: boolean; showStaff: boolean };

/**
 * The subscription body. Times are UTC (no VTIMEZONE to get wrong); DTSTAMP is the booking's last change,
 * so the same bookings always give the same bytes and the ETag only moves when something changed.
 */
export function renderFeed(bookings: readonly FeedBooking[], options: FeedOptions): string {
  const calendar = ical({ name: options.calendarName, prodId: "//Boka//Booking feed//EN", ttl: 15 * 60 });
  for (const b of bookings) {
    const who = options.showStaff ? ` (${b.staffName})` : "";
    calendar.createEvent({
      id: bookingUid(b.id),
      sequence: b.sequence,
      stamp: b.updatedAt,
      start: b.startAt,
      end: b.endAt,
      status: b.status === "confirmed" ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      summary: options.hideDetails ? `Booked${who}` : `${b.serviceName}: ${b.customerName}${who}`,
      description: options.hideDetails ? null : details(b),
    });
  }
  return calendar.toString();
}

function details(b: FeedBooking): string {
  return [
    `Service: ${b.serviceName}`,
    `With: ${b.staffName}`,
    `Customer: ${b.customerName}`,
    b.customerEmail ? `Email: ${b.customerEmail}` : "",
    b.customerPhone ? `Phone: ${b.customerPhone}` : "",
    b.notes ? `Notes: ${b.notes}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** A strong validator of the body: same bytes, same tag. */
export function feedEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}
