/**
 * The public REST API's contract: zod schemas for paths, queries and bodies (snake_case, as sent) and
 * the instant format of every response. Route handlers parse with these; lib/booking/public-* use the
 * parsed types.
 */
import { z } from "zod";
import { Instant, LocalDate } from "@/lib/dates/fields";
import { NotFound } from "@/lib/errors";
import { PhoneNumber } from "@/lib/notifications/fields";
import { DAY } from "@/lib/scheduling";
import { Email, PersonName, TimeZone } from "@/lib/tenants/fields";

/** Longest availability query, counting `from` and `to` both. */
export const MAX_RANGE_DAYS = 62;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const Id = z.uuid("Use a UUID");
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** A malformed path segment cannot name anything: 404, identical to a missing one. */
function pathParam<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFound(`${what} not found`);
  return parsed.data;
}
export const parseSlug = (value: unknown): string => pathParam(z.string().regex(SLUG), value, "Practice");
export const parseServiceId = (value: unknown): string => pathParam(Id, value, "Service");
export const parseBookingId = (value: unknown): string => pathParam(Id, value, "Booking");

/** `Authorization: Bearer <manage token>`; anything else is null (answered like a wrong token). */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  const token = match?.[1];
  return token && TOKEN.test(token) ? token : null;
}

function daysOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

export const AvailabilityQuery = z
  .object({
    service_id: Id,
    from: LocalDate,
    to: LocalDate,
    staff_id: Id.optional(),
    // Canonical spelling, so the answer names the zone as clients compare it ("europe/london" → "Europe/London").
    time_zone: TimeZone.transform(
      (tz) => new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone,
    ).optional(),
  })
  .superRefine((q, ctx) => {
    const days = daysOf(q.to) - daysOf(q.from) + 1;
    if (days < 1)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Must be on or after the from date" });
    else if (days > MAX_RANGE_DAYS) {
      const message = `The range can span at most ${MAX_RANGE_DAYS} days`;
      ctx.addIssue({ code: "custom", path: ["to"], message });
    }
  });
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

/** Query-string values as the schema expects them: absent → undefined, repeated → the first. */
export function queryObject(url: URL, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, url.searchParams.get(n) ?? undefined]));
}

export const CreateBookingBody = z.object({
  service_id: Id,
  start: Instant,
  staff_id: Id.nullish(),
  customer: z.object({
    name: PersonName,
    email: Email,
    phone: PhoneNumber.nullish().transform((p) => p || null),
  }),
  notes: z.string().trim().max(2000, "Use at most 2000 characters").optional(),
  time_zone: TimeZone.optional(),
});
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

export const CancelBody = z.object({
  reason: z.string().trim().max(500, "Use at most 500 characters").optional(),
});

export const RescheduleBody = z.object({ start: Instant, staff_id: Id.nullish() });
export type RescheduleBody = z.infer<typeof RescheduleBody>;

/** `2026-11-23T09:00:00Z`: UTC, whole seconds (slots never have milliseconds). */
export function instant(at: Date | number): string {
  return new Date(at).toISOString().replace(/\.000Z$/, "Z");
}
