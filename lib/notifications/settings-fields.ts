// Client-safe: the Settings → Notifications form validates with the same schema as the server.
import { z } from "zod";

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
