// Types for the event backbone's tables (supabase/migrations/20261201000100_outbox.sql, 000110_sent_mail.sql).
import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const OUTBOX_STATUSES = ["pending", "done", "dead", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const DELIVERY_STATUSES = ["pending", "done", "dead"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const outbox = pgTable(
  "outbox",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text("dedupe_key").notNull(),
    subjectId: uuid("subject_id"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    availableAt: instant("available_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: instant("locked_until"),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    createdAt: instant("created_at").notNull().defaultNow(),
    doneAt: instant("done_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique().on(t.tenantId, t.dedupeKey)],
);

export const deliveries = pgTable(
  "deliveries",
  {
    tenantId: uuid("tenant_id").notNull(),
    eventId: uuid("event_id").notNull(),
    handler: text("handler").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    doneAt: instant("done_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.eventId, t.handler] })],
);

export const sentMail = pgTable(
  "sent_mail",
  {
    tenantId: uuid("tenant_id").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    messageId: text("message_id").notNull(),
    sentAt: instant("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dedupeKey] })],
);
