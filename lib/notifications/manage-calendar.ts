import { bookingForMessage, tenantOfManagedBooking } from "@/lib/bookings";
import { withSystem } from "@/lib/db";
import { bookingCalendarFile, googleCalendarLink } from "./calendar-file";
import { calendarBooking } from "./compose";

/**
 * "Add to calendar" on the manage page: the booking's calendar file (same UID and SEQUENCE as its
 * emails, so importing it after an email does not duplicate the entry) and a Google Calendar link.
 * Null when the id and token do not match, as for every manage-by-token lookup.
 */
export async function calendarForManagedBooking(
  bookingId: string,
  token: string,
): Promise<{ ics: string; google: string } | null> {
  return withSystem("manage page: a guest adds their booking to a calendar (manage token)", async (tx) => {
    const tenantId = await tenantOfManagedBooking(tx, bookingId, token);
    const b = tenantId ? await bookingForMessage(tx, tenantId, bookingId) : null;
    if (!b) return null;
    const event = calendarBooking(b);
    const cancelled = !["pending", "confirmed", "completed"].includes(b.status);
    return {
      ics: bookingCalendarFile(event, cancelled ? "CANCEL" : "PUBLISH"),
      google: googleCalendarLink(event),
    };
  });
}
