import type { BookingForMessage } from "@/lib/bookings";
import { config } from "@/lib/config";
import type { MailMessage } from "@/lib/mail";
import { type CalendarBooking, calendarAttachment, organizerEmail } from "./calendar-file";
import { MESSAGES, type MessageKind, type TemplateValues } from "./templates/kinds";
import { type DetailLine, type RenderedMessage, renderMessage } from "./templates/render";
import { describeWhen } from "./templates/when";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

export type MessageExtras = { previousStart?: Date | null; reason?: string | null };

const absolute = (path: string) => new URL(path, config().APP_URL).toString();

/** The manage link, absolute; the practice's page when the booking's token cannot be recomputed. */
export function manageUrl(b: Pick<BookingForMessage, "id" | "manageToken" | "practice">): string {
  const slug = encodeURIComponent(b.practice.slug);
  if (!b.manageToken) return absolute(`/${slug}`);
  return absolute(`/${slug}/manage/${encodeURIComponent(b.id)}?token=${encodeURIComponent(b.manageToken)}`);
}

export function templateValues(b: BookingForMessage, extras: MessageExtras = {}): TemplateValues {
  const when = (d: Date) => describeWhen(d, b.practice.timeZone, b.customerTimeZone);
  return {
    customer_name: b.customer.name,
    practice_name: b.practice.name,
    service_name: b.serviceName,
    staff_name: b.staffName,
    when: when(b.startAt),
    previous_when: extras.previousStart ? when(extras.previousStart) : "",
    confirm_by: b.confirmBy ? when(b.confirmBy) : "",
    // A plain staff decline records "declined" as its reason: nothing to tell the customer beyond the fact.
    reason: [extras.reason, b.cancelReason].find((r) => r && r !== "declined") ?? "",
    address: b.practice.address,
    manage_url: manageUrl(b),
  };
}

function details(b: BookingForMessage, values: TemplateValues, kind: MessageKind): DetailLine[] {
  return [
    { label: "Service", value: b.serviceName },
    { label: "With", value: b.staffName },
    { label: "When", value: values.when },
    ...(b.practice.address ? [{ label: "Where", value: b.practice.address }] : []),
    ...(b.practice.customerNote ? [{ label: "Please note", value: b.practice.customerNote }] : []),
    ...(values.reason && (kind === "booking_cancelled" || kind === "booking_declined")
      ? [{ label: "Reason", value: values.reason }]
      : []),
  ];
}

export function calendarBooking(b: BookingForMessage): CalendarBooking {
  return {
    id: b.id,
    sequence: b.sequence,
    start: b.startAt,
    end: b.endAt,
    title: `${b.serviceName} at ${b.practice.name}`,
    description: `With ${b.staffName}.${b.practice.customerNote ? ` ${b.practice.customerNote}` : ""}`,
    location: b.practice.address,
    manageUrl: b.manageToken ? manageUrl(b) : null,
    organizer: { name: b.practice.name, email: organizerEmail() },
  };
}

const CALENDAR: Partial<Record<MessageKind, "REQUEST" | "CANCEL">> = {
  booking_confirmed: "REQUEST",
  booking_rescheduled: "REQUEST",
  booking_cancelled: "CANCEL",
};

/** One outbox delivery sends one message per recipient: lib/mail keeps it to once, with a stable Message-ID. */
export const mailDedupeKey = (deliveryKey: string, recipient: string) =>
  `${deliveryKey}:${recipient.toLowerCase()}`;

export function renderCustomerMessage(
  b: BookingForMessage,
  kind: MessageKind,
  intro: string | null,
  extras: MessageExtras = {},
): RenderedMessage & { unsubscribe: string | null } {
  const values = templateValues(b, extras);
  const optional = MESSAGES[kind].optional;
  const unsubscribe = optional ? unsubscribeUrl(b.tenantId, b.customer.email) : null;
  const linkLabel = b.manageToken ? "Manage, move or cancel your booking" : "Book again";
  const links =
    kind === "booking_declined" || kind === "booking_thank_you"
      ? [{ label: "Book again", url: absolute(`/${encodeURIComponent(b.practice.slug)}`) }]
      : [{ label: linkLabel, url: values.manage_url }];
  const rendered = renderMessage({
    kind,
    intro,
    values,
    details: details(b, values, kind),
    links,
    footer: unsubscribe ? { text: "Stop these emails from this practice", url: unsubscribe } : null,
  });
  return { ...rendered, unsubscribe };
}

/** The complete email for one customer message about a booking. */
export function customerEmail(
  b: BookingForMessage,
  kind: MessageKind,
  intro: string | null,
  deliveryKey: string,
  extras: MessageExtras = {},
): MailMessage {
  const { subject, text, html, unsubscribe } = renderCustomerMessage(b, kind, intro, extras);
  const method = CALENDAR[kind];
  return {
    to: b.customer.email,
    subject,
    text,
    html,
    tenantId: b.tenantId,
    tag: `booking.${kind.replace(/^booking_/, "").replace(/_/g, "-")}`,
    dedupeKey: mailDedupeKey(deliveryKey, b.customer.email),
    ...(unsubscribe ? { headers: unsubscribeHeaders(unsubscribe) } : {}),
    ...(method ? { attachments: [calendarAttachment(calendarBooking(b), method)] } : {}),
  };
}
