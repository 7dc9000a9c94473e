import { z } from "zod";

/** The booking events' payload (CONTRACT-EVENTS.md), as the notification handlers read it. */
export const BookingEventPayload = z.object({
  booking_id: z.uuid(),
  status: z.string(),
  starts_at: z.coerce.date(),
  ends_at: z.coerce.date(),
  previous_starts_at: z.coerce.date().nullish(),
  previous_ends_at: z.coerce.date().nullish(),
  actor: z.enum(["customer", "staff", "system"]),
  reason: z.string().nullish(),
  sequence: z.number().int().min(0),
});
export type BookingEventPayload = z.infer<typeof BookingEventPayload>;

/** A scheduled reminder or thank-you: which booking, and the start it was planned for. */
export const ScheduledMessagePayload = z.object({
  booking_id: z.uuid(),
  starts_at: z.coerce.date(),
  offset_minutes: z.number().int().min(0).optional(),
});
export type ScheduledMessagePayload = z.infer<typeof ScheduledMessagePayload>;
