// zod/mini keeps the validator a few kilobytes in the booking page's client bundle.
import * as z from "zod/mini";
import type { FieldError, NewBooking } from "./api";

const PHONE = /^\+?[0-9 ().-]{6,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The customer's details as typed; the API validates again and its field errors land on the same inputs. */
export const DetailsFields = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter your name"),
      z.maxLength(120, "Use at most 120 characters for your name"),
    ),
  email: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter your email address"),
      z.regex(EMAIL, "Enter an email address like name@example.com"),
      z.maxLength(254, "That email address is too long"),
    ),
  phone: z.string().check(
    z.trim(),
    z.maxLength(40, "That phone number is too long"),
    z.refine((v) => v === "" || PHONE.test(v), "Enter a phone number using digits, spaces and +"),
  ),
  notes: z.string().check(z.trim(), z.maxLength(2000, "Keep notes under 2,000 characters")),
});

export type DetailsValues = z.infer<typeof DetailsFields>;
export type DetailsField = keyof DetailsValues;

export const EMPTY_DETAILS: DetailsValues = { name: "", email: "", phone: "", notes: "" };

/** The API's field paths (`errors[].field`) for each input. */
const API_FIELD: Record<string, DetailsField> = {
  "customer.name": "name",
  "customer.email": "email",
  "customer.phone": "phone",
  notes: "notes",
};

/** Optional fields are left out rather than sent empty. */
export function customerPayload(values: DetailsValues): Pick<NewBooking, "customer" | "notes"> {
  return {
    customer: {
      name: values.name,
      email: values.email,
      ...(values.phone ? { phone: values.phone } : {}),
    },
    ...(values.notes ? { notes: values.notes } : {}),
  };
}

/** Splits a 422's `errors[]` into messages for the inputs and the rest (shown above the form). */
export function placeApiErrors(errors: readonly FieldError[] | undefined): {
  fields: Partial<Record<DetailsField, string>>;
  other: string[];
} {
  const fields: Partial<Record<DetailsField, string>> = {};
  const other: string[] = [];
  for (const error of errors ?? []) {
    const field = API_FIELD[error.field];
    if (field) fields[field] ??= error.message;
    else other.push(error.message);
  }
  return { fields, other };
}
