import { z } from "zod";
import { BusinessName, Currency, Email, PersonName, Slug, TimeZone } from "./fields";

/** The sign-up form's rules that also run in the browser; the server adds the common-password check. */
export const PasswordLength = z
  .string({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const SignUpFields = z.object({
  businessName: BusinessName,
  slug: Slug,
  timeZone: TimeZone,
  currency: Currency,
  ownerName: PersonName,
  email: Email,
  password: PasswordLength,
});
export type SignUpFields = z.infer<typeof SignUpFields>;
