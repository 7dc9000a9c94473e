import { bookForCustomer, listBookingsPage } from "@/lib/bookings";
import { NewBooking } from "../_lib/bodies";
import { list, listParams, memberRoute, ok, queryParams } from "../_lib/member-route";
import { bookingJson } from "./_lib/booking-json";

/**
 * GET /api/v1/bookings?from&to&status&staff_id&service_id&customer&limit&starting_after&ending_before —
 * newest first, a cursor page; owners, managers and keys see every booking, staff only their own diary.
 */
export const GET = memberRoute("bookings:read", async ({ actor, request }) => {
  const page = await listBookingsPage(actor, queryParams(request), listParams(request));
  return list(page, (row) => ({ object: "booking", ...row }));
});

/** POST /api/v1/bookings → 201; a taken time is a 409 slot-unavailable. Staff book into their own diary. */
export const POST = memberRoute("bookings:write", async ({ actor, json }) => {
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
