/**
 * Live-update hints for booking events: after the change committed, the worker tells every instance's
 * dashboard streams (channel "bookings") and public availability streams (per service) to refetch.
 */
import { type OutboxEvent, publishChange, registerHandler } from "@/lib/events";
import { BOOKING_EVENT_TYPES } from "./events";

async function announce(event: OutboxEvent) {
  const bookingId = typeof event.payload.booking_id === "string" ? event.payload.booking_id : undefined;
  const serviceId = typeof event.payload.service_id === "string" ? event.payload.service_id : undefined;
  const version = event.createdAt.getTime();
  await publishChange({
    tenantId: event.tenantId,
    channel: "bookings",
    message: { type: event.type, ...(bookingId ? { booking_id: bookingId } : {}), version },
  });
  if (serviceId) {
    await publishChange({
      tenantId: event.tenantId,
      channel: `availability:${serviceId}`,
      message: { type: event.type, version },
    });
  }
}

/** The bookings domain's event handlers; called once per process by lib/background. */
export function registerBookingHandlers(): void {
  registerHandler({
    name: "bookings.live-updates",
    types: [...BOOKING_EVENT_TYPES],
    // A hint that is late is worthless; a few quick tries, then the clients' next refetch catches up.
    maxAttempts: 3,
    handle: announce,
  });
}
