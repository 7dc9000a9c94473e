/**
 * Form fields of the customer portal, shared by the browser (react-hook-form) and the server actions.
 * Client-safe: zod only.
 */
import { z } from "zod";
import { Email, PersonName } from "@/lib/tenants/fields";

export const CODE_LENGTH = 6;

export const SignInEmailFields = z.object({ email: Email });
export type SignInEmailFields = z.infer<typeof SignInEmailFields>;

export const SignInCodeFields = z.object({
  email: Email,
  code: z
    .string({ error: "Enter the 6-digit code from the email" })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
});
export type SignInCodeFields = z.infer<typeof SignInCodeFields>;

export const ProfileFields = z.object({
  name: PersonName,
  phone: z
    .string()
    .trim()
    .max(40, "Use at most 40 characters")
    .regex(/^[+()\d\s.-]*$/, "Use digits, spaces and + ( ) . - only"),
});
export type ProfileFields = z.infer<typeof ProfileFields>;

const BookingId = z.uuid("Choose a booking");

export const CancelFields = z.object({
  bookingId: BookingId,
  reason: z.string().trim().max(500, "Use at most 500 characters"),
});
export type CancelFields = z.infer<typeof CancelFields>;

export const LocalDate = z
  .string({ error: "Choose a day" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day")
  .refine((d) => {
    const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
    const date = new Date(Date.UTC(y, m - 1, day));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
  }, "Choose a real day");

export const SlotsFields = z.object({ bookingId: BookingId, date: LocalDate });
export type SlotsFields = z.infer<typeof SlotsFields>;

export const RescheduleFields = z.object({
  bookingId: BookingId,
  start: z.iso.datetime({ offset: true, error: "Choose a new time" }),
});
export type RescheduleFields = z.infer<typeof RescheduleFields>;
