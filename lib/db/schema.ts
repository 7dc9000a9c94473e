// Types for the tables defined in supabase/migrations (the SQL there is the source of truth;
// tests/integration/schema-drift.test.ts checks these columns against the live catalog).
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

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

/** Tables (by SQL name) that this file types; the drift test compares their columns to the catalog. */
export const typedTables = { tenants, users, memberships, user_sessions: userSessions, audit_log: auditLog };
