import { z } from "zod";
import { parseKeyring } from "@/lib/crypto/encryption";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL");

const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z
    .url({ message: "must be an absolute URL such as http://localhost:3000" })
    .default("http://localhost:3000"),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  // The system path's login role (withSystem). Unset: DATABASE_URL's server as boka_system (lib/db/urls.ts).
  DATABASE_SYSTEM_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_DB_PATH: z.string().min(1).default(".data/pglite"),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), "must be a redis:// or rediss:// URL")
    .optional(),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // `<keyId>:<base64 of 32 bytes>`, comma-separated, current key first (see lib/crypto/encryption.ts).
  // Unset: a key is generated once into .data/encryption.key (lib/crypto/keyring.ts).
  ENCRYPTION_KEY: z
    .string()
    .superRefine((value, ctx) => {
      try {
        parseKeyring(value);
      } catch (error) {
        // parseKeyring's messages name no key material, so they are safe in a start-up error.
        ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^ENCRYPTION_KEY /, "") });
      }
    })
    .optional(),
  SEED_DEMO: bool.optional(),
  // Shows /dev/mailbox in a production build too (the e2e suite); never on a real deployment.
  DEV_MAILBOX: bool.optional(),
  // The most requests per minute an owner may allow one API key (each key defaults to 600).
  API_KEY_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(100_000).default(6_000),
  // The outbox worker (lib/events): "off" keeps this process from running it (run `npm run worker`).
  WORKER: z.enum(["on", "off"]).default("on"),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  WORKER_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  WORKER_BATCH: z.coerce.number().int().min(1).max(500).default(20),
  // Comma-separated event types: a dedicated pool claims only these (unset: every type).
  WORKER_TYPES: z
    .string()
    .regex(/^[a-z0-9_.]+(,[a-z0-9_.]+)*$/, "comma-separated event types such as booking.created")
    .transform((v) => v.split(","))
    .optional(),
  // Calendar sync (docs/calendar-sync.md): how old cached external busy times may be before a booking
  // refreshes them, how often the background refresh runs, and whether plain-http CalDAV servers are allowed.
  CALENDAR_BUSY_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  CALENDAR_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  CALDAV_ALLOW_HTTP: bool.default(false),
  AVAILABILITY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(2),
  // Bearer token for GET /api/metrics. Unset: only loopback clients may scrape.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Unset: mail goes to the dev mailbox table (viewable at /dev/mailbox) instead of leaving the machine.
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  // One header line, so no CR/LF (header injection); an address alone or "Name <address>".
  MAIL_FROM: z
    .string()
    .refine(
      (v) => /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(v),
      'must be an address such as "Boka <no-reply@example.com>"',
    )
    .default("Boka <no-reply@boka.local>"),
  // SMS through Twilio when all three are set; otherwise texts go to the dev SMS log (not in production).
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must look like AC followed by 32 hex digits")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the account's auth token").optional(),
  TWILIO_FROM: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +447700900123")
    .optional(),
  // Where the Twilio SDK sends API calls; tests point it at a local server speaking the Messages API.
  TWILIO_API_BASE_URL: z.url().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses an environment; the first problem becomes one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid environment variable ${name}: ${issue?.message ?? "invalid value"}`);
  }
  return result.data;
}

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    try {
      cached = parseConfig(process.env);
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  }
  return cached;
}

/** Tests change the environment between suites. */
export function resetConfigForTests(): void {
  cached = undefined;
}
