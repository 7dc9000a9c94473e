/**
 * Form fields of the customer portal, shared by the browser (react-hook-form) and the server actions.
 * Client-safe: zod only.
 */
import { z } from "zod";
import { InstantString, LocalDate } from "@/lib/dates/fields";
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

export { LocalDate };

export const SlotsFields = z.object({ bookingId: BookingId, date: LocalDate });
export type SlotsFields = z.infer<typeof SlotsFields>;

export const RescheduleFields = z.object({
  bookingId: BookingId,
  start: InstantString,
});
export type RescheduleFields = z.infer<typeof RescheduleFields>;
