import { z } from "zod";
import { bookForCustomer, listBookings } from "@/lib/bookings";
import { CustomerFields } from "@/lib/catalogue/fields";
import { Email, PersonName } from "@/lib/tenants/fields";
import { memberRoute, ok, queryParams } from "../_lib/member-route";
import { bookingJson } from "./_lib/booking-json";

/**
 * GET /api/v1/bookings?from&to&status&staff_id&service_id&customer&page — owners and managers see every
 * booking, staff only their own diary (lib decides).
 */
export const GET = memberRoute(async ({ actor, request }) => {
  const result = await listBookings(actor, queryParams(request));
  return ok({
    bookings: result.rows,
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    timeZone: result.timeZone,
  });
});

/** Exactly one of `customer_id` (an existing customer) or `customer` (found by email, or added). */
const NewBooking = z
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

/** POST /api/v1/bookings → 201; a taken time is a 409 slot-unavailable. Staff book into their own diary. */
export const POST = memberRoute(async ({ actor, json }) => {
  const body = await json(NewBooking);
  const booking = await bookForCustomer(actor, {
    serviceId: body.service_id,
    staffId: body.staff_id,
    date: body.date,
    time: body.time,
    customerMode: body.customer ? "new" : "existing",
    customerId: body.customer_id ?? "",
    name: body.customer?.name ?? "",
    email: body.customer?.email ?? "",
    phone: body.customer?.phone ?? "",
    notes: body.notes,
  });
  return ok(bookingJson(booking), 201);
});
