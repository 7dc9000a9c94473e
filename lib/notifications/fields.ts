// Client-safe schemas of the notifications domain.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";

/**
 * A phone number as typed ("+44 20 7946 0958") → E.164 ("+442079460958"), the form SMS providers and
 * opt-out records use. International format is required: the practice's country is not known here.
 */
export const PhoneNumber = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters")
  .transform((value, ctx) => {
    if (value === "") return "";
    const parsed = parsePhoneNumberFromString(value);
    if (!parsed?.isValid()) {
      ctx.addIssue({
        code: "custom",
        message: "Enter a phone number with its country code, such as +44 20 7946 0958",
      });
      return z.NEVER;
    }
    return parsed.number;
  });

/** E.164 of a stored number, or null when it cannot be read as one (numbers saved before validation). */
export function toE164(value: string | null | undefined): string | null {
  const parsed = value ? parsePhoneNumberFromString(value) : undefined;
  return parsed?.isValid() ? parsed.number : null;
}
