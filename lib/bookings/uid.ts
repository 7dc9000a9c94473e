import { config } from "@/lib/config";

/**
 * The one UID a booking has in every calendar: ICS feeds, events written to connected calendars and the
 * .ics files in emails. Calendars merge by UID, so it must never change for the life of the booking.
 */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@${new URL(config().APP_URL).hostname}`;
}

/** The booking id inside one of Boka's own UIDs (from any host), or null for anyone else's event. */
export function bookingIdFromUid(uid: string): string | null {
  const match = /^booking-([0-9a-f-]{36})@/i.exec(uid);
  return match?.[1] ?? null;
}
