// Types for the tables defined in supabase/migrations (the SQL there is the source of truth;
// tests/integration/schema-drift.test.ts checks these columns against the live catalog).
// Longer than 300 lines because it mirrors every table in one place, as the migrations define them.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { apiKeys } from "./api-tables";
import { deliveries, outbox, sentMail } from "./outbox-tables";

export * from "./outbox-tables";

import * as notifications from "./notification-tables";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

const citext = customType<{ data: string }>({ dataType: () => "extensions.citext" });

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const TENANT_ROLES = ["owner", "manager", "staff", "customer"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  slug: text("slug").notNull(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull(),
  currency: text("currency").notNull(),
  status: text("status", { enum: ["active", "suspended"] })
    .notNull()
    .default("active"),
  holdMinutes: integer("hold_minutes").notNull().default(10),
  address: text("address").notNull().default(""),
  customerNote: text("customer_note").notNull().default(""),
  reminderOffsetsMinutes: integer("reminder_offsets_minutes").array().notNull().default(sql`'{1440,120}'`),
  smsReminders: boolean("sms_reminders").notNull().default(true),
  thankYouEnabled: boolean("thank_you_enabled").notNull().default(false),
  confirmationWindowMinutes: integer("confirmation_window_minutes").notNull().default(1440),
  publishedAt: instant("published_at"),
  mfaRequiredRoles: text("mfa_required_roles", { enum: ["owner", "manager", "staff"] })
    .array()
    .notNull()
    .default(sql`'{}'`),
  cancellationPolicy: jsonb("cancellation_policy").$type<Record<string, unknown>>(),
  lastReceiptNumber: integer("last_receipt_number").notNull().default(0),
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  email: citext("email").notNull(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  emailVerifiedAt: instant("email_verified_at"),
  isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    role: text("role", { enum: TENANT_ROLES }).notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

export const userSessions = pgTable("user_sessions", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid("user_id").notNull(),
  tenantId: uuid("tenant_id"),
  tokenHash: bytea("token_hash").notNull(),
  userAgent: text("user_agent"),
  ip: text("ip"),
  createdAt: instant("created_at").notNull().defaultNow(),
  lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
  expiresAt: instant("expires_at").notNull(),
  mfaPending: boolean("mfa_pending").notNull().default(false),
});

export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

const id = () => uuid("id").notNull().default(sql`gen_random_uuid()`);
const tenantId = () => uuid("tenant_id").notNull();

export const resourceTypes = pgTable(
  "resource_types",
  { tenantId: tenantId(), id: id(), name: text("name").notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const resources = pgTable(
  "resources",
  {
    tenantId: tenantId(),
    id: id(),
    typeId: uuid("type_id").notNull(),
    name: text("name").notNull(),
    isActive: boolean("is_active").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** What a customer pays online when booking a service. */
export const PAYMENT_RULES = ["none", "deposit", "prepayment", "card_on_file"] as const;
export type PaymentRule = (typeof PAYMENT_RULES)[number];

export const services = pgTable(
  "services",
  {
    tenantId: tenantId(),
    id: id(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull(),
    priceCents: integer("price_cents").notNull().default(0),
    currency: text("currency").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(60),
    maxDaysInAdvance: integer("max_days_in_advance").notNull().default(60),
    slotIntervalMinutes: integer("slot_interval_minutes").notNull().default(15),
    capacity: integer("capacity").notNull().default(1),
    resourceTypeId: uuid("resource_type_id"),
    requiresConfirmation: boolean("requires_confirmation").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    isPublic: boolean("is_public").notNull().default(true),
    cancellationPolicy: jsonb("cancellation_policy").$type<Record<string, unknown>>(),
    paymentRule: text("payment_rule", { enum: PAYMENT_RULES }).notNull().default("none"),
    depositCents: integer("deposit_cents"),
    depositBps: integer("deposit_bps"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const staffMembers = pgTable(
  "staff_members",
  {
    tenantId: tenantId(),
    id: id(),
    displayName: text("display_name").notNull(),
    userId: uuid("user_id"),
    timeZone: text("time_zone"),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const serviceStaff = pgTable(
  "service_staff",
  { tenantId: tenantId(), serviceId: uuid("service_id").notNull(), staffId: uuid("staff_id").notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.serviceId, t.staffId] })],
);

export const workingHours = pgTable(
  "working_hours",
  {
    tenantId: tenantId(),
    id: id(),
    staffId: uuid("staff_id").notNull(),
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type LocalIntervalRow = { start: string; end: string };

export const dateOverrides = pgTable(
  "date_overrides",
  {
    tenantId: tenantId(),
    staffId: uuid("staff_id").notNull(),
    onDate: date("on_date", { mode: "string" }).notNull(),
    intervals: jsonb("intervals").$type<LocalIntervalRow[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.staffId, t.onDate] })],
);

export const timeOff = pgTable(
  "time_off",
  {
    tenantId: tenantId(),
    id: id(),
    staffId: uuid("staff_id").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const closures = pgTable(
  "closures",
  {
    tenantId: tenantId(),
    id: id(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const customers = pgTable(
  "customers",
  {
    tenantId: tenantId(),
    id: id(),
    name: text("name").notNull(),
    email: citext("email").notNull(),
    phone: text("phone"),
    notes: text("notes").notNull().default(""),
    userId: uuid("user_id"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const BOOKING_STATUSES = [
  "pending",
  "confirmed",
  "cancelled",
  "completed",
  "no_show",
  "expired",
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that hold time on a staff member and resource (the exclusion constraints' predicate). */
export const ACTIVE_STATUSES: BookingStatus[] = ["pending", "confirmed"];

export const bookings = pgTable(
  "bookings",
  {
    tenantId: tenantId(),
    id: id(),
    serviceId: uuid("service_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    resourceId: uuid("resource_id"),
    customerId: uuid("customer_id").notNull(),
    status: text("status", { enum: BOOKING_STATUSES }).notNull(),
    startAt: instant("start_at").notNull(),
    endAt: instant("end_at").notNull(),
    serviceName: text("service_name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull(),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    capacity: integer("capacity").notNull().default(1),
    // Set by a trigger from start/end and the buffers; the values given on insert are overwritten.
    blockedFrom: instant("blocked_from").notNull(),
    blockedUntil: instant("blocked_until").notNull(),
    sessionKey: text("session_key").notNull(),
    holdExpiresAt: instant("hold_expires_at"),
    confirmBy: instant("confirm_by"),
    customerTimeZone: text("customer_time_zone"),
    manageTokenHash: bytea("manage_token_hash").notNull(),
    notes: text("notes").notNull().default(""),
    source: text("source", { enum: ["public", "dashboard", "api", "import"] })
      .notNull()
      .default("public"),
    createdBy: uuid("created_by"),
    cancelledAt: instant("cancelled_at"),
    cancelledBy: text("cancelled_by"),
    cancelReason: text("cancel_reason"),
    sequence: integer("sequence").notNull().default(0),
    // Optional on insert: the database default is the default policy (migration 20261201000500).
    cancellationPolicy: jsonb("cancellation_policy").$type<Record<string, unknown>>().notNull().default({}),
    paymentRule: text("payment_rule", { enum: PAYMENT_RULES }).notNull().default("none"),
    amountDueCents: integer("amount_due_cents").notNull().default(0),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const bookingEvents = pgTable(
  "booking_events",
  {
    tenantId: tenantId(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    bookingId: uuid("booking_id").notNull(),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: tenantId(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: jsonb("response_body").$type<unknown>().notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id").primaryKey(),
  secretEncrypted: text("secret_encrypted").notNull(),
  keyId: text("key_id").notNull(),
  enabledAt: instant("enabled_at"),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const userBackupCodes = pgTable(
  "user_backup_codes",
  {
    userId: uuid("user_id").notNull(),
    id: id(),
    codeHash: text("code_hash").notNull(),
    usedAt: instant("used_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] })],
);

export const accountUnlockTokens = pgTable("account_unlock_tokens", {
  tokenHash: bytea("token_hash").primaryKey(),
  userId: uuid("user_id").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
  expiresAt: instant("expires_at").notNull(),
  usedAt: instant("used_at"),
});

export const TOKEN_PURPOSES = ["verify_email", "reset_password", "change_email"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export const authTokens = pgTable("auth_tokens", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
  tokenHash: bytea("token_hash").notNull(),
  userId: uuid("user_id").notNull(),
  email: citext("email").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
  expiresAt: instant("expires_at").notNull(),
  usedAt: instant("used_at"),
});

export const INVITABLE_ROLES = ["manager", "staff"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantId(),
    id: id(),
    email: citext("email").notNull(),
    role: text("role", { enum: INVITABLE_ROLES }).notNull(),
    status: text("status", { enum: ["pending", "accepted", "revoked"] })
      .notNull()
      .default("pending"),
    tokenHash: bytea("token_hash").notNull(),
    invitedBy: uuid("invited_by"),
    createdAt: instant("created_at").notNull().defaultNow(),
    sentAt: instant("sent_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    acceptedUserId: uuid("accepted_user_id"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const customerOtps = pgTable(
  "customer_otps",
  {
    tenantId: tenantId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    email: citext("email").notNull(),
    codeHash: bytea("code_hash").notNull(),
    attemptsLeft: smallint("attempts_left").notNull().default(5),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const customerSessions = pgTable(
  "customer_sessions",
  {
    tenantId: tenantId(),
    id: id(),
    customerId: uuid("customer_id").notNull(),
    tokenHash: bytea("token_hash").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** The platform admin's log (supabase/migrations/20261121000700_platform_admin.sql): not a tenant's. */
export const platformAuditLog = pgTable("platform_audit_log", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  actorUserId: uuid("actor_user_id").notNull(),
  action: text("action").notNull(),
  targetTenantId: uuid("target_tenant_id"),
  details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  ip: text("ip"),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export { apiKeys } from "./api-tables";
export const PAYMENT_KINDS = ["charge", "refund", "fee"] as const;
export const PAYMENT_PURPOSES = [
  "deposit",
  "prepayment",
  "balance",
  "card_on_file",
  "no_show_fee",
  "late_cancel_fee",
  "refund",
] as const;
export const PAYMENT_METHODS = ["card", "cash", "terminal", "bank_transfer", "other"] as const;
export const PAYMENT_STATUSES = ["pending", "requires_action", "succeeded", "failed", "cancelled"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = pgTable(
  "payments",
  {
    tenantId: tenantId(),
    id: id(),
    bookingId: uuid("booking_id"),
    customerId: uuid("customer_id"),
    kind: text("kind", { enum: PAYMENT_KINDS }).notNull(),
    purpose: text("purpose", { enum: PAYMENT_PURPOSES }).notNull(),
    method: text("method", { enum: PAYMENT_METHODS }).notNull(),
    provider: text("provider", { enum: ["offline", "stripe"] })
      .notNull()
      .default("offline"),
    providerRef: text("provider_ref"),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    refundOf: uuid("refund_of"),
    note: text("note").notNull().default(""),
    failureReason: text("failure_reason"),
    // Given by a trigger when the payment succeeds; sequential per practice.
    receiptNumber: integer("receipt_number"),
    recordedBy: uuid("recorded_by"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
export * from "./notification-tables";
/** Calendar sync (supabase/migrations/20261201000700_calendar_sync.sql). */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    tenantId: tenantId(),
    id: id(),
    staffId: uuid("staff_id"),
    tokenHash: bytea("token_hash").notNull(),
    hideDetails: boolean("hide_details").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const CALENDAR_PROVIDERS = ["caldav", "google", "microsoft"] as const;
export type CalendarProviderKind = (typeof CALENDAR_PROVIDERS)[number];

export const calendarConnections = pgTable(
  "calendar_connections",
  {
    tenantId: tenantId(),
    id: id(),
    staffId: uuid("staff_id").notNull(),
    provider: text("provider", { enum: CALENDAR_PROVIDERS }).notNull(),
    label: text("label").notNull(),
    serverUrl: text("server_url").notNull().default(""),
    username: text("username").notNull().default(""),
    secret: text("secret").notNull(),
    status: text("status", { enum: ["active", "broken"] })
      .notNull()
      .default("active"),
    lastSyncedAt: instant("last_synced_at"),
    lastError: text("last_error"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const externalCalendars = pgTable(
  "external_calendars",
  {
    tenantId: tenantId(),
    id: id(),
    connectionId: uuid("connection_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    url: text("url").notNull(),
    displayName: text("display_name").notNull().default(""),
    checkConflicts: boolean("check_conflicts").notNull().default(false),
    writeBookings: boolean("write_bookings").notNull().default(false),
    syncToken: text("sync_token"),
    syncedAt: instant("synced_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const externalEvents = pgTable(
  "external_events",
  {
    tenantId: tenantId(),
    id: id(),
    calendarId: uuid("calendar_id").notNull(),
    href: text("href").notNull(),
    etag: text("etag").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const externalBusy = pgTable(
  "external_busy",
  {
    tenantId: tenantId(),
    id: id(),
    eventId: uuid("event_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const calendarWrites = pgTable(
  "calendar_writes",
  {
    tenantId: tenantId(),
    bookingId: uuid("booking_id").notNull(),
    calendarId: uuid("calendar_id").notNull(),
    href: text("href").notNull(),
    etag: text("etag").notNull().default(""),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.bookingId, t.calendarId] })],
);

/** Tables (by SQL name) that this file types; the drift test compares their columns to the catalog. */
export const typedTables = {
  tenants,
  users,
  memberships,
  user_sessions: userSessions,
  audit_log: auditLog,
  resource_types: resourceTypes,
  resources,
  services,
  staff_members: staffMembers,
  service_staff: serviceStaff,
  working_hours: workingHours,
  date_overrides: dateOverrides,
  time_off: timeOff,
  closures,
  customers,
  bookings,
  booking_events: bookingEvents,
  idempotency_keys: idempotencyKeys,
  user_mfa: userMfa,
  user_backup_codes: userBackupCodes,
  account_unlock_tokens: accountUnlockTokens,
  auth_tokens: authTokens,
  invitations,
  customer_otps: customerOtps,
  customer_sessions: customerSessions,
  platform_audit_log: platformAuditLog,
  api_keys: apiKeys,
  outbox,
  deliveries,
  sent_mail: sentMail,
  payments,
  message_templates: notifications.messageTemplates,
  member_alert_preferences: notifications.memberAlertPreferences,
  notification_sends: notifications.notificationSends,
  email_unsubscribes: notifications.emailUnsubscribes,
  sms_opt_outs: notifications.smsOptOuts,
  calendar_feeds: calendarFeeds,
  calendar_connections: calendarConnections,
  external_calendars: externalCalendars,
  external_events: externalEvents,
  external_busy: externalBusy,
  calendar_writes: calendarWrites,
};
