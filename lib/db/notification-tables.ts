// Types for the notification tables (supabase/migrations/20261201000200_notifications.sql).
import { boolean, customType, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const citext = customType<{ data: string }>({ dataType: () => "extensions.citext" });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const tenantId = () => uuid("tenant_id").notNull();

export const messageTemplates = pgTable(
  "message_templates",
  {
    tenantId: tenantId(),
    kind: text("kind").notNull(),
    intro: text("intro").notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
);

export const memberAlertPreferences = pgTable(
  "member_alert_preferences",
  {
    tenantId: tenantId(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.kind] })],
);

export const notificationSends = pgTable(
  "notification_sends",
  {
    tenantId: tenantId(),
    deliveryKey: text("delivery_key").notNull(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    recipient: text("recipient").notNull(),
    kind: text("kind").notNull(),
    providerId: text("provider_id"),
    sentAt: instant("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.deliveryKey, t.channel, t.recipient] })],
);

export const emailUnsubscribes = pgTable(
  "email_unsubscribes",
  {
    tenantId: tenantId(),
    email: citext("email").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.email] })],
);

/** Not a tenant's: STOP applies to the shared sending number, so to every practice. */
export const smsOptOuts = pgTable("sms_opt_outs", {
  phone: text("phone").primaryKey(),
  createdAt: instant("created_at").notNull().defaultNow(),
});
