import { getCustomer, updateCustomer } from "@/lib/catalogue";
import { memberRoute, noContent, ok, pathId } from "../../_lib/member-route";
import { CustomerPatch } from "../_lib/customer-body";

/** GET /api/v1/customers/{id}: the customer and their bookings (staff: only those in their own diary). */
export const GET = memberRoute<{ id: string }>("customers:read", async ({ actor, params }) => {
  return ok(await getCustomer(actor, pathId(params.id, "Customer")));
});

/** PATCH /api/v1/customers/{id} → 204. */
export const PATCH = memberRoute<{ id: string }>("customers:write", async ({ actor, params, json }) => {
  const id = pathId(params.id, "Customer");
  const patch = await json(CustomerPatch);
  const { customer } = await getCustomer(actor, id);
  const current = {
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    notes: customer.notes,
  };
  const next = { ...current, ...patch };
  await updateCustomer(actor, id, { ...next, phone: next.phone ?? "" });
  return noContent();
});
