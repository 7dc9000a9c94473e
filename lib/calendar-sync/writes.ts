import { and, eq } from "drizzle-orm";
import { bookingUid } from "@/lib/bookings";
import { tables, withSystem } from "@/lib/db";
import { renderFeed } from "./feeds/render";
import { providerFor } from "./sync";

const { bookings, customers, staffMembers, calendarConnections, externalCalendars, calendarWrites } = tables;
const REASON = "calendar sync: the worker writes bookings into connected calendars";

/** The booking event types after which a booking's calendar copies are brought up to date. */
export const BOOKING_EVENT_TYPES = [
  "booking.created",
  "booking.confirmed",
  "booking.declined",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.expired",
];

export type WriteOutcome = { written: string[]; removed: string[] };

/**
 * Makes the connected calendars agree with the booking as it is now (not as the event said), so retries
 * and out-of-order deliveries converge: an active booking is in its staff member's "write bookings"
 * calendar as `{uid}.ics` (updated in place with If-Match); anywhere else, or once it is cancelled,
 * declined or expired, it is deleted. Throws on a provider failure so the outbox retries; the booking
 * itself was committed long before and is never affected.
 */
export async function reconcileBookingCalendars(tenantId: string, bookingId: string): Promise<WriteOutcome> {
  const state = await withSystem(REASON, async (tx) => {
    const [booking] = await tx
      .select({
        id: bookings.id,
        status: bookings.status,
        staffId: bookings.staffId,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        updatedAt: bookings.updatedAt,
        sequence: bookings.sequence,
        serviceName: bookings.serviceName,
        notes: bookings.notes,
        holdExpiresAt: bookings.holdExpiresAt,
        staffName: staffMembers.displayName,
        customerName: customers.name,
        customerEmail: customers.email,
        customerPhone: customers.phone,
      })
      .from(bookings)
      .innerJoin(
        staffMembers,
        and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
      )
      .innerJoin(
        customers,
        and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
      )
      .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)));
    const calendarsWith = () =>
      tx
        .select({ calendar: externalCalendars, connection: calendarConnections })
        .from(externalCalendars)
        .innerJoin(
          calendarConnections,
          and(
            eq(calendarConnections.tenantId, externalCalendars.tenantId),
            eq(calendarConnections.id, externalCalendars.connectionId),
          ),
        );
    const writer = booking
      ? (
          await calendarsWith().where(
            and(
              eq(externalCalendars.tenantId, tenantId),
              eq(externalCalendars.staffId, booking.staffId),
              eq(externalCalendars.writeBookings, true),
              eq(calendarConnections.status, "active"),
            ),
          )
        )[0]
      : undefined;
    const existing = await tx
      .select({ write: calendarWrites, calendar: externalCalendars, connection: calendarConnections })
      .from(calendarWrites)
      .innerJoin(
        externalCalendars,
        and(
          eq(externalCalendars.tenantId, calendarWrites.tenantId),
          eq(externalCalendars.id, calendarWrites.calendarId),
        ),
      )
      .innerJoin(
        calendarConnections,
        and(
          eq(calendarConnections.tenantId, externalCalendars.tenantId),
          eq(calendarConnections.id, externalCalendars.connectionId),
        ),
      )
      .where(and(eq(calendarWrites.tenantId, tenantId), eq(calendarWrites.bookingId, bookingId)));
    return { booking, writer, existing };
  });

  const { booking, writer, existing } = state;
  const now = Date.now();
  const active =
    booking &&
    (booking.status === "confirmed" || booking.status === "pending") &&
    !(booking.holdExpiresAt && booking.holdExpiresAt.getTime() <= now);
  const outcome: WriteOutcome = { written: [], removed: [] };

  for (const { write, calendar, connection } of existing) {
    if (active && writer && calendar.id === writer.calendar.id) continue;
    await providerFor(connection).remove({ href: write.href, etag: write.etag });
    await withSystem(REASON, (tx) =>
      tx
        .delete(calendarWrites)
        .where(
          and(
            eq(calendarWrites.tenantId, tenantId),
            eq(calendarWrites.bookingId, bookingId),
            eq(calendarWrites.calendarId, calendar.id),
          ),
        ),
    );
    outcome.removed.push(write.href);
  }
  if (!active || !booking || !writer) return outcome;

  const previous = existing.find((e) => e.calendar.id === writer.calendar.id)?.write ?? null;
  const ics = renderFeed([{ ...booking, status: booking.status as "pending" | "confirmed" }], {
    calendarName: writer.calendar.displayName,
    hideDetails: false,
    showStaff: false,
  });
  const written = await providerFor(writer.connection).write(
    writer.calendar.url,
    bookingUid(booking.id),
    ics,
    previous,
  );
  await withSystem(REASON, (tx) =>
    tx
      .insert(calendarWrites)
      .values({ tenantId, bookingId, calendarId: writer.calendar.id, href: written.href, etag: written.etag })
      .onConflictDoUpdate({
        target: [calendarWrites.tenantId, calendarWrites.bookingId, calendarWrites.calendarId],
        set: { href: written.href, etag: written.etag, updatedAt: new Date() },
      }),
  );
  outcome.written.push(written.href);
  return outcome;
}
