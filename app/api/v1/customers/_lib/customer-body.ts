import { z } from "zod";
import { CustomerFields } from "@/lib/catalogue/fields";

const F = CustomerFields.shape;

/** POST /api/v1/customers: name and email required; phone and notes default to empty. */
export const NewCustomerBody = z.object({
  name: F.name,
  email: F.email,
  phone: F.phone.default(""),
  notes: F.notes.default(""),
});

/** PATCH /api/v1/customers/{id}: only the fields sent change. */
export const CustomerPatch = z.object({
  name: F.name.optional(),
  email: F.email.optional(),
  phone: F.phone.nullable().optional(),
  notes: F.notes.optional(),
});
