import { registerHandler } from "@/lib/events";
import { BOOKING_EVENT_TYPES, reconcileBookingCalendars } from "./writes";

/** Outbox handlers of calendar sync; called once per process from lib/background. */
export function registerCalendarSyncHandlers(): void {
  registerHandler({
    name: "calendar-sync.write-booking",
    types: BOOKING_EVENT_TYPES,
    async handle(event) {
      const bookingId = event.payload.booking_id;
      if (typeof bookingId !== "string") return;
      await reconcileBookingCalendars(event.tenantId, bookingId);
    },
  });
}
