/**
 * The customer messages and their default wording. Owners may replace the intro of each (stored in
 * message_templates); the subject, the booking details block and the links stay as written here so a
 * message always carries what the customer needs.
 */
export const MESSAGE_KINDS = [
  "booking_confirmed",
  "booking_requested",
  "booking_declined",
  "booking_rescheduled",
  "booking_cancelled",
  "booking_reminder",
  "booking_thank_you",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Names usable as {{name}} in subjects and intros. */
export const TEMPLATE_VARIABLES = [
  "customer_name",
  "practice_name",
  "service_name",
  "staff_name",
  "when",
  "previous_when",
  "confirm_by",
  "reason",
  "address",
  "manage_url",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

export type MessageDefinition = {
  label: string;
  subject: string;
  intro: string;
  /** Reminders and thank-you notes may be refused (RFC 8058 one-click); transactional mail always goes. */
  optional: boolean;
};

export const MESSAGES: Record<MessageKind, MessageDefinition> = {
  booking_confirmed: {
    label: "Booking confirmed",
    subject: "Confirmed: {{service_name}} at {{practice_name}}, {{when}}",
    intro:
      "Hello {{customer_name}},\n\nyour booking at {{practice_name}} is confirmed. We look forward to seeing you.",
    optional: false,
  },
  booking_requested: {
    label: "Request received",
    subject: "Request received: {{service_name}} at {{practice_name}}",
    intro:
      "Hello {{customer_name}},\n\nthank you for your request. {{practice_name}} will confirm it by {{confirm_by}}; until then the time is held for you.",
    optional: false,
  },
  booking_declined: {
    label: "Request declined",
    subject: "Not confirmed: {{service_name}} at {{practice_name}}",
    intro:
      "Hello {{customer_name}},\n\nwe are sorry: {{practice_name}} could not accept your request for {{when}}. You are welcome to choose another time.",
    optional: false,
  },
  booking_rescheduled: {
    label: "Booking moved",
    subject: "Moved: {{service_name}} at {{practice_name}}, now {{when}}",
    intro: "Hello {{customer_name}},\n\nyour booking has moved from {{previous_when}} to {{when}}.",
    optional: false,
  },
  booking_cancelled: {
    label: "Booking cancelled",
    subject: "Cancelled: {{service_name}} at {{practice_name}}, {{when}}",
    intro: "Hello {{customer_name}},\n\nyour booking for {{when}} has been cancelled.",
    optional: false,
  },
  booking_reminder: {
    label: "Reminder",
    subject: "Reminder: {{service_name}} at {{practice_name}}, {{when}}",
    intro: "Hello {{customer_name}},\n\na reminder of your booking at {{practice_name}}.",
    optional: true,
  },
  booking_thank_you: {
    label: "Thank you",
    subject: "Thank you for visiting {{practice_name}}",
    intro: "Hello {{customer_name}},\n\nthank you for coming to {{practice_name}}. We hope to see you again.",
    optional: true,
  },
};
