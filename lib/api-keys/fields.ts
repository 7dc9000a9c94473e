/** Client-safe schemas for API keys (the Settings form validates with these, the server again). */
import { z } from "zod";
import { SCOPE_NAMES, SCOPES, type Scope } from "./scopes";

export {
  assertScope,
  assertScopeFor,
  MissingScope,
  SCOPE_NAMES,
  SCOPES,
  type Scope,
  SessionOnly,
  scopeFor,
} from "./scopes";

export const KEY_PREFIX = "boka_live_";
export const DEFAULT_RATE_LIMIT = 600;
export const MAX_ROLL_GRACE_HOURS = 24;

export const ScopeName = z.enum(SCOPE_NAMES as [Scope, ...Scope[]], { message: "Unknown scope" });

export const NewApiKey = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100, "At most 100 characters"),
  scopes: z
    .array(ScopeName)
    .min(1, "Choose at least one scope")
    .transform((list) => [...new Set(list)]),
  /** Optional; must lie in the future. */
  expiresAt: z.coerce
    .date({ message: "Not a date" })
    .refine((d) => d.getTime() > Date.now(), "Choose a time in the future")
    .optional(),
  /** Requests per minute; the platform's maximum is checked on the server (API_KEY_RATE_LIMIT_MAX). */
  rateLimitPerMinute: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_RATE_LIMIT),
});
export type NewApiKey = z.input<typeof NewApiKey>;

export const RollApiKey = z.object({
  /** How long the old secret keeps working, 0–24 hours. */
  graceHours: z.coerce.number().min(0).max(MAX_ROLL_GRACE_HOURS, "At most 24 hours").default(1),
});

export function scopeLabel(scope: Scope): string {
  return SCOPES[scope].label;
}

/** The Settings form, as the browser holds it: an optional expiry day and the limit as typed. */
export const ApiKeyForm = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100, "At most 100 characters"),
  scopes: z.array(ScopeName).min(1, "Choose at least one scope"),
  expiresOn: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "Choose a date"),
  rateLimitPerMinute: z.string().regex(/^\d{1,6}$/, "A whole number of requests per minute"),
});
export type ApiKeyForm = z.infer<typeof ApiKeyForm>;
