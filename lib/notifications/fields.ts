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

/** The Settings → Notifications form; the server parses with the same schema. */
export const NotificationSettingsFields = z.object({
  address: z.string().trim().max(500, "Use at most 500 characters"),
  customerNote: z.string().trim().max(1000, "Use at most 1,000 characters"),
  reminderOffsetsMinutes: z
    .array(
      z.coerce
        .number()
        .int("Use whole minutes")
        .min(15, "A reminder goes at least 15 minutes before")
        .max(20_160, "A reminder goes at most 14 days before"),
    )
    .max(3, "At most three reminders")
    .refine((a) => new Set(a).size === a.length, "Each reminder needs a different time"),
  smsReminders: z.boolean(),
  thankYouEnabled: z.boolean(),
  confirmationWindowMinutes: z.coerce
    .number()
    .int("Use whole minutes")
    .min(60, "Give staff at least an hour")
    .max(10_080, "At most 7 days"),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsFields>;
