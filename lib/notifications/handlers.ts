import { registerHandler } from "@/lib/events";
import { customerMessageHandler } from "./customer-messages";
import { reminderHandler, thankYouHandler } from "./reminders/send";
import { staffAlertHandler } from "./staff-alerts";

export const NOTIFICATION_HANDLERS = [
  customerMessageHandler,
  staffAlertHandler,
  reminderHandler,
  thankYouHandler,
];

/** Called once per process from lib/background; registering again replaces (dev reloads). */
export function registerNotificationHandlers(): void {
  for (const handler of NOTIFICATION_HANDLERS) registerHandler(handler);
}
