import { z } from "zod";

export const RESERVED_SLUGS = new Set([
  "api",
  "admin",
  "dashboard",
  "account",
  "accounts",
  "login",
  "logout",
  "signup",
  "sign-up",
  "register",
  "auth",
  "mfa",
  "reset",
  "verify",
  "unlock",
  "suspended",
  "invite",
  "invitations",
  "settings",
  "billing",
  "pricing",
  "about",
  "help",
  "support",
  "docs",
  "blog",
  "status",
  "health",
  "ready",
  "metrics",
  "static",
  "public",
  "assets",
  "app",
  "www",
  "mail",
  "dev",
  "new",
  "demo-admin",
  "boka",
  "terms",
  "privacy",
  "security",
  "webhooks",
]);

export const Slug = z
  .string({ error: "Choose a web address" })
  .trim()
  .min(3, "Use at least 3 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9-]+$/, "Use lowercase letters, digits and dashes only")
  .regex(/^[a-z0-9].*[a-z0-9]$/, "Start and end with a letter or digit")
  .refine((s) => !RESERVED_SLUGS.has(s), "This address is reserved; choose another");

export function isTimeZone(value: string): boolean {
  if (!value.includes("/") && value !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string({ error: "Choose a time zone" })
  .trim()
  .refine(isTimeZone, "Unknown time zone; use an IANA name such as Europe/London");

const currencies = new Set(Intl.supportedValuesOf("currency"));
export const Currency = z
  .string({ error: "Choose a currency" })
  .trim()
  .toUpperCase()
  .refine((c) => currencies.has(c), "Unknown currency; use an ISO 4217 code such as GBP");

export const BusinessName = z
  .string({ error: "Enter the business name" })
  .trim()
  .min(1, "Enter the business name")
  .max(120, "Use at most 120 characters");

export const PersonName = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(120, "Use at most 120 characters");

export const Email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export function timeZoneOptions(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

export function currencyOptions(): string[] {
  return Intl.supportedValuesOf("currency");
}

/** Minutes an unconfirmed online booking holds its slot before the time is offered again. */
export const HoldMinutes = z.coerce
  .number({ error: "Enter a number of minutes" })
  .int("Use whole minutes")
  .min(1, "Hold for at least 1 minute")
  .max(1440, "Hold for at most 1,440 minutes (a day)");

export const TenantSettingsFields = z.object({
  name: BusinessName,
  timeZone: TimeZone,
  currency: Currency,
  holdMinutes: HoldMinutes,
});
export type TenantSettingsFields = z.infer<typeof TenantSettingsFields>;

/** The sign-up form's rules that also run in the browser; the server adds the common-password check. */
export const PasswordLength = z
  .string({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const SignUpFields = z.object({
  businessName: BusinessName,
  slug: Slug,
  timeZone: TimeZone,
  currency: Currency,
  ownerName: PersonName,
  email: Email,
  password: PasswordLength,
});
export type SignUpFields = z.infer<typeof SignUpFields>;

export const InviteInput = z.object({
  email: Email,
  role: z.enum(["manager", "staff"], { error: "Choose manager or staff" }),
});
export type InviteInput = z.infer<typeof InviteInput>;

export const RoleChangeInput = z.object({
  userId: z.uuid("Choose a team member"),
  role: z.enum(["owner", "manager", "staff"], { error: "Choose owner, manager or staff" }),
});
export type RoleChangeInput = z.infer<typeof RoleChangeInput>;
