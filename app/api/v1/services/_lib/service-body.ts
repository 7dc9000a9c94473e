import { z } from "zod";
import { ServiceFields as Fields, minorToDecimal, type ServiceFields } from "@/lib/catalogue/fields";
import { camel } from "../../_lib/member-route";

const F = Fields.shape;

/** Every field of a service, snake_case; the price in minor units of the practice's currency. */
const ServiceBody = z.object({
  name: F.name,
  description: F.description,
  duration_minutes: F.durationMinutes,
  price_cents: z
    .number({ error: "Enter the price in minor units, e.g. 4500 for 45.00" })
    .int("Enter the price in minor units, e.g. 4500 for 45.00")
    .min(0, "The price cannot be negative")
    .max(999_999_999, "The price is too large"),
  buffer_before_minutes: F.bufferBeforeMinutes,
  buffer_after_minutes: F.bufferAfterMinutes,
  min_notice_minutes: F.minNoticeMinutes,
  max_days_in_advance: F.maxDaysInAdvance,
  slot_interval_minutes: F.slotIntervalMinutes,
  capacity: F.capacity,
  resource_type_id: z.uuid("Choose a room or equipment type from the list").nullable(),
  staff_ids: F.staffIds,
  requires_confirmation: F.requiresConfirmation,
  is_active: F.isActive,
  is_public: F.isPublic,
});

/** POST: name, duration and price are required; the rest default as in the dashboard's new-service form. */
export const NewServiceBody = ServiceBody.partial().required({
  name: true,
  duration_minutes: true,
  price_cents: true,
});

/** PATCH: only the fields sent change. */
export const ServicePatch = ServiceBody.partial();

export const NEW_SERVICE_DEFAULTS: Omit<ServiceFields, "name" | "durationMinutes" | "price"> = {
  description: "",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 60,
  maxDaysInAdvance: 60,
  slotIntervalMinutes: 15,
  capacity: 1,
  resourceTypeId: "",
  staffIds: [],
  requiresConfirmation: false,
  isActive: true,
  isPublic: true,
};

/**
 * The fields sent, as lib's form fields: the price as a decimal in `currency` and "" for no room type.
 * Lib validates the merged result again.
 */
export function toFields(body: z.infer<typeof ServicePatch>, currency: string): Partial<ServiceFields> {
  const { price_cents, resource_type_id, ...rest } = body;
  return {
    ...(camel(rest) as Partial<ServiceFields>),
    ...(price_cents === undefined ? {} : { price: minorToDecimal(price_cents, currency) }),
    ...(resource_type_id === undefined ? {} : { resourceTypeId: resource_type_id ?? "" }),
  };
}
