/**
 * Form fields of the front desk: booking a customer into a slot, rescheduling, cancelling, and the
 * status actions. Dates and times are local to the practice's zone (the calendar's). Client-safe.
 */
import { z } from "zod";
import { LocalDate } from "@/lib/catalogue/fields";
import { Email, PersonName } from "@/lib/tenants/fields";

export const SlotTime = z
  .string({ error: "Enter a time" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM");

const phone = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters")
  .regex(/^[0-9+()./\s-]*$/, "Use digits, spaces and + ( ) - only");

export const DeskBookingFields = z
  .object({
    serviceId: z.uuid("Choose a service"),
    staffId: z.uuid("Choose a staff member"),
    date: LocalDate,
    time: SlotTime,
    /** "existing" books `customerId`; "new" adds (or finds by email) the customer typed in. */
    customerMode: z.enum(["existing", "new"]),
    customerId: z.string(),
    name: z.string(),
    email: z.string(),
    phone,
    notes: z.string().max(2000, "Use at most 2,000 characters"),
  })
  .superRefine((v, ctx) => {
    if (v.customerMode === "existing") {
      if (!z.uuid().safeParse(v.customerId).success) {
        ctx.addIssue({ code: "custom", path: ["customerId"], message: "Find and choose a customer" });
      }
      return;
    }
    for (const [field, schema] of [
      ["name", PersonName],
      ["email", Email],
    ] as const) {
      const result = schema.safeParse(v[field]);
      if (!result.success) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: result.error.issues[0]?.message ?? "Check this",
        });
      }
    }
  });
export type DeskBookingFields = z.infer<typeof DeskBookingFields>;

export const RescheduleFields = z.object({
  bookingId: z.uuid(),
  date: LocalDate,
  time: SlotTime,
  staffId: z.uuid("Choose a staff member"),
});
export type RescheduleFields = z.infer<typeof RescheduleFields>;

export const CancelFields = z.object({
  bookingId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(1, "Say why, for the booking's history")
    .max(500, "Use at most 500 characters"),
});
export type CancelFields = z.infer<typeof CancelFields>;

export const STATUS_ACTIONS = ["confirm", "decline", "complete", "no_show"] as const;
export const StatusFields = z.object({ bookingId: z.uuid(), action: z.enum(STATUS_ACTIONS) });
export type StatusFields = z.infer<typeof StatusFields>;

export const ExplainFields = z.object({
  serviceId: z.uuid("Choose a service"),
  staffId: z.uuid(),
  date: LocalDate,
  time: SlotTime,
});
export type ExplainFields = z.infer<typeof ExplainFields>;
