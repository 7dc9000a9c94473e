// The notifications front door: customer and staff messages as event handlers, mail, SMS, calendar
// files, templates, unsubscribe and the practice's notification settings.

export * from "@/lib/mail";
export {
  ALERT_KINDS,
  ALERT_LABELS,
  type AlertKind,
  type AlertPreferences,
  AlertPreferencesInput,
  myAlertPreferences,
  saveMyAlertPreferences,
} from "./alert-preferences";
export { bookingCalendarFile, googleCalendarLink } from "./calendar-file";
export { calendarBooking, manageUrl } from "./compose";
export { customerKindFor, sendCustomerMessage } from "./customer-messages";
export { PhoneNumber, toE164 } from "./fields";
export { NOTIFICATION_HANDLERS, registerNotificationHandlers } from "./handlers";
export { calendarForManagedBooking } from "./manage-calendar";
export { sendReminder, sendThankYou } from "./reminders/send";
export { getNotificationSettings, updateNotificationSettings } from "./settings";
export {
  applyInboundReply,
  type DevSms,
  isOptedOut,
  listDevSms,
  type SmsProvider,
  smsProvider,
  twilioSms,
  validTwilioSignature,
} from "./sms";
export { alertKindFor, sendStaffAlerts } from "./staff-alerts";
export { MESSAGE_KINDS, MESSAGES, type MessageKind, TEMPLATE_VARIABLES } from "./templates/kinds";
export {
  listMessageTemplates,
  previewMessage,
  resetMessageIntro,
  saveMessageIntro,
  type TemplateView,
} from "./templates/manage";
export { UnsubscribeParams, unsubscribe, unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";
