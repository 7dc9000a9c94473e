// Client-safe schemas of calendar sync (forms on the staff page).
import { z } from "zod";

export const CalDavConnectFields = z.object({
  staffId: z.uuid(),
  label: z.string().trim().min(1, "Give the connection a name").max(120, "Use at most 120 characters"),
  serverUrl: z
    .url({ protocol: /^https?$/, message: "Enter the server address, e.g. https://caldav.icloud.com" })
    .max(2000, "That address is too long"),
  username: z.string().trim().min(1, "Enter the username").max(320, "Use at most 320 characters"),
  password: z.string().min(1, "Enter the app password").max(1000, "That password is too long"),
});
export type CalDavConnectFields = z.infer<typeof CalDavConnectFields>;

export const CalendarChoiceFields = z.object({
  calendarId: z.uuid(),
  checkConflicts: z.boolean(),
  writeBookings: z.boolean(),
});
export type CalendarChoiceFields = z.infer<typeof CalendarChoiceFields>;
