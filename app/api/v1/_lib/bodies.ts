/**
 * The team API's request schemas in one place: the routes validate with them and the OpenAPI document
 * (./openapi) is generated from them, so the two cannot disagree.
 */
import { z } from "zod";
import { CustomerFields, LocalDate, StaffFields } from "@/lib/catalogue/fields";
import { Email, PersonName, TenantSettingsFields } from "@/lib/tenants/fields";

export { NewApiKeyBody, RollBody } from "../api-keys/_lib/api-key-json";
export { CustomerPatch, NewCustomerBody } from "../customers/_lib/customer-body";
export { NewServiceBody, ServicePatch } from "../services/_lib/service-body";

/** Exactly one of `customer_id` (an existing customer) or `customer` (found by email, or added). */
export const NewBooking = z
  .object({
    service_id: z.uuid("Choose a service"),
    staff_id: z.uuid("Choose a staff member"),
    /** Local to the practice's time zone, like the calendar. */
    date: z.string(),
    time: z.string(),
    customer_id: z.uuid("Choose a customer").optional(),
    customer: z
      .object({ name: PersonName, email: Email, phone: CustomerFields.shape.phone.default("") })
      .optional(),
    notes: z.string().default(""),
  })
  .refine((b) => (b.customer_id === undefined) !== (b.customer === undefined), {
    path: ["customer_id"],
    message: "Give either customer_id or customer, not both",
  });

export const CancelBody = z.object({ reason: z.string() });
export const RescheduleBody = z.object({ date: z.string(), time: z.string(), staff_id: z.uuid() });
export const CalendarQuery = z.object({ start: LocalDate, view: z.enum(["day", "week"]).default("week") });
export const CustomerSearch = z.object({
  query: z.string().max(120, "Use at most 120 characters").default(""),
});
export const TransferBody = z.object({ user_id: z.uuid("Choose a team member") });

export const SettingsPatch = TenantSettingsFields.partial().pick({ name: true, currency: true }).extend({
  time_zone: TenantSettingsFields.shape.timeZone.optional(),
  hold_minutes: TenantSettingsFields.shape.holdMinutes.optional(),
});

const F = StaffFields.shape;

/** `user_id` links the team member who signs in as this person; `time_zone` null follows the practice. */
export const NewStaffBody = z.object({
  display_name: F.displayName,
  user_id: z.uuid("Choose a member of this practice").nullable().default(null),
  time_zone: F.timeZone.nullable().default(null),
  is_active: F.isActive.default(true),
});
