// The notifications front door: customer and staff messages as event handlers, mail, SMS, calendar
// files, templates, unsubscribe and the practice's notification settings.
export {
  ALERT_KINDS,
  ALERT_LABELS,
  type AlertKind,
  type AlertPreferences,
  AlertPreferencesInput,
  myAlertPreferences,
  saveMyAlertPreferences,
} from "./alert-preferences";
export { bookingCalendarFile, bookingUid, googleCalendarLink } from "./calendar-file";
export { calendarBooking, manageUrl } from "./compose";
export { NOTIFICATION_HANDLERS, registerNotificationHandlers } from "./handlers";
export * from "./mail";
export { getNotificationSettings, updateNotificationSettings } from "./settings";
export { applyInboundReply, type DevSms, listDevSms, smsProvider, validTwilioSignature } from "./sms";
export { MESSAGE_KINDS, MESSAGES, type MessageKind, TEMPLATE_VARIABLES } from "./templates/kinds";
export {
  listMessageTemplates,
  previewMessage,
  resetMessageIntro,
  saveMessageIntro,
  type TemplateView,
} from "./templates/manage";
export { UnsubscribeParams, unsubscribe } from "./unsubscribe";
