/**
 * Response shapes for the OpenAPI document. Each names the fields an integrator relies on, typed; other
 * fields may follow (`loose`), so the document never promises less than the API sends. The ajv test
 * (tests/integration/openapi.test.ts) checks real answers against these.
 */
import { z } from "zod";

const Id = z.uuid();
const At = z.iso.datetime({ offset: true });
const Money = { price_cents: z.number().int(), currency: z.string().length(3) };

export const Problem = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    request_id: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export const listOf = (item: z.ZodType) =>
  z.object({ object: z.literal("list"), data: z.array(item), has_more: z.boolean() });

export const Booking = z
  .object({
    id: Id,
    status: z.enum(["pending", "confirmed", "cancelled", "declined", "completed", "no_show", "expired"]),
    service_id: Id,
    staff_id: Id,
    customer_id: Id,
    start_at: At,
    end_at: At,
    ...Money,
    created_at: At,
  })
  .loose()
  .meta({ id: "Booking" });

export const BookingListItem = z
  .object({
    object: z.literal("booking"),
    id: Id,
    status: Booking.shape.status,
    start_at: At,
    end_at: At,
    service_name: z.string(),
    staff_id: Id,
    staff_name: z.string(),
    customer_id: Id,
    customer_name: z.string(),
    customer_email: z.string(),
    ...Money,
    created_at: At,
  })
  .loose()
  .meta({ id: "BookingListItem" });

export const Customer = z
  .object({ id: Id, name: z.string(), email: z.string(), phone: z.string().nullable(), notes: z.string() })
  .loose()
  .meta({ id: "Customer" });

export const Service = z
  .object({
    id: Id,
    name: z.string(),
    duration_minutes: z.number().int(),
    ...Money,
    is_active: z.boolean(),
    is_public: z.boolean(),
    staff_ids: z.array(Id),
  })
  .loose()
  .meta({ id: "Service" });

export const StaffMember = z
  .object({
    id: Id,
    display_name: z.string(),
    user_id: Id.nullable(),
    time_zone: z.string().nullable(),
    is_active: z.boolean(),
  })
  .loose()
  .meta({ id: "StaffMember" });

export const ApiKey = z
  .object({
    object: z.literal("api_key"),
    id: Id,
    name: z.string(),
    prefix: z.string().startsWith("boka_live_"),
    scopes: z.array(z.string()),
    rate_limit_per_minute: z.number().int(),
    expires_at: At.nullable(),
    revoked_at: At.nullable(),
    last_used_at: At.nullable(),
    previous_valid_until: At.nullable(),
    created_by: Id.nullable(),
    created_at: At,
  })
  .meta({ id: "ApiKey" });

export const IssuedApiKey = ApiKey.extend({ secret: z.string().startsWith("boka_live_") }).meta({
  id: "IssuedApiKey",
  description: "A new or rolled key: `secret` is shown this once.",
});

export const AuditEntry = z
  .object({ object: z.literal("audit_entry"), id: z.number().int(), action: z.string(), created_at: At })
  .loose()
  .meta({ id: "AuditEntry" });

export const CustomerDetail = z
  .object({
    customer: Customer,
    history: z.array(z.object({ id: Id, start_at: At, status: z.string() }).loose()),
  })
  .meta({ id: "CustomerDetail" });

export const Created = z.object({ id: Id }).loose().meta({ id: "Created" });

/** Answers documented by their top-level shape only (reports, calendars, settings, public pages). */
export const anObject = (id: string, description: string) => z.object({}).loose().meta({ id, description });
