// Types for the integrator-facing tables (supabase/migrations/20261201000600_api_keys.sql); kept apart
// from schema.ts so neither file grows past a screenful of tables.
import { sql } from "drizzle-orm";
import { customType, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: bytea("secret_hash").notNull(),
    previousSecretHash: bytea("previous_secret_hash"),
    previousValidUntil: instant("previous_valid_until"),
    scopes: text("scopes").array().notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(600),
    expiresAt: instant("expires_at"),
    revokedAt: instant("revoked_at"),
    lastUsedAt: instant("last_used_at"),
    createdBy: uuid("created_by"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
