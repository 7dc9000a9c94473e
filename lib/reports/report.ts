/**
 * The practice report: bookings by status, booked time, revenue and no-show rate per staff member over
 * a range of local dates, with practice totals and top services. Everything is aggregated in SQL.
 * Owners and managers see every staff member; staff see only the staff records linked to their user,
 * and their totals come from those bookings alone (the filter is in the SQL, not applied afterwards).
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { assertCan, can } from "@/lib/auth";
import { type Actor, type BookingStatus, inOrder, type Tx, tables, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http";
import { addDays, localDateOf, localToInstant } from "@/lib/scheduling";
import { DEFAULT_RANGE_DAYS, ReportRangeFields } from "./fields";

const { bookings, services, staffMembers, tenants } = tables;

export type StatusCounts = {
  confirmed: number;
  completed: number;
  noShow: number;
  cancelled: number;
  pending: number;
};

export type ReportLine = {
  bookings: StatusCounts;
  /** Time the staff member was booked for (confirmed, completed, no-show); a class counts once. */
  bookedMinutes: number;
  /** Completed and confirmed bookings' price snapshots, in the practice's currency (minor units). */
  revenueMinor: number;
  /** No-shows out of bookings whose outcome is known (completed + no-show), to 4 places; null if none. */
  noShowRate: number | null;
};

export type StaffReport = ReportLine & { staffId: string; name: string; isActive: boolean };
export type TopService = { serviceId: string; name: string; bookings: number; revenueMinor: number };

export type PracticeReport = {
  timeZone: string;
  from: string;
  to: string;
  currency: string;
  scope: "all" | "own";
  staff: StaffReport[];
  totals: ReportLine & {
    topServices: TopService[];
    /** Earning bookings priced in another currency (the practice changed currency): not in revenue. */
    otherCurrencyBookings: number;
  };
};

/** Expired holds never became bookings, so the report leaves them out. */
const REPORTED: BookingStatus[] = ["confirmed", "completed", "no_show", "cancelled", "pending"];
/** Statuses for which the staff member's time was taken. */
const HELD: BookingStatus[] = ["confirmed", "completed", "no_show"];
export const TOP_SERVICES = 5;

const earning = sql`${bookings.status} in ('confirmed', 'completed')`;
const countWhere = (condition: SQL) =>
  sql<number>`(count(*) filter (where ${condition}))::int`.mapWith(Number);
const revenueIn = (currency: string) =>
  sql<number>`coalesce(sum(${bookings.priceCents}) filter (where ${earning} and ${bookings.currency} = ${currency}), 0)`.mapWith(
    Number,
  );

function noShowRate(c: StatusCounts): number | null {
  const decided = c.completed + c.noShow;
  return decided ? Math.round((c.noShow / decided) * 10_000) / 10_000 : null;
}

/** Missing ends make a DEFAULT_RANGE_DAYS window; nothing given means the last 30 days up to today. */
export function resolveRange(
  fields: ReportRangeFields,
  timeZone: string,
  now: Date,
): { from: string; to: string } {
  const span = DEFAULT_RANGE_DAYS - 1;
  if (fields.from && fields.to) return { from: fields.from, to: fields.to };
  if (fields.from) return { from: fields.from, to: addDays(fields.from, span) };
  const to = fields.to ?? localDateOf(now.getTime(), timeZone);
  return { from: addDays(to, -span), to };
}

function parseRange(raw: unknown): ReportRangeFields {
  const parsed = ReportRangeFields.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed("Choose a valid date range.", zodFieldErrors(parsed.error));
  return parsed.data;
}

async function loadPractice(tx: Tx, tenantId: string) {
  const [row] = await tx
    .select({ timeZone: tenants.timeZone, currency: tenants.currency })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!row) throw new NotFound("Practice not found");
  return row;
}

export async function practiceReport(actor: Actor, raw: unknown, now = new Date()): Promise<PracticeReport> {
  const scope = actor.kind === "member" && can(actor.role, "reports.view_all") ? "all" : "own";
  assertCan(actor, scope === "all" ? "reports.view_all" : "reports.view_own");
  const fields = parseRange(raw);
  return withTenant(actor, async (tx) => {
    const practice = await loadPractice(tx, actor.tenantId);
    const range = resolveRange(fields, practice.timeZone, now);
    const start = new Date(localToInstant(practice.timeZone, range.from, 0));
    const end = new Date(localToInstant(practice.timeZone, addDays(range.to, 1), 0));
    const ownStaff = tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(and(eq(staffMembers.tenantId, actor.tenantId), eq(staffMembers.userId, actor.userId)));
    const counted = and(
      // RLS already limits rows to the claim's practice; naming it too lets (tenant_id, start_at) serve the range.
      eq(bookings.tenantId, actor.tenantId),
      gte(bookings.startAt, start),
      lt(bookings.startAt, end),
      inArray(bookings.status, REPORTED),
      // A hold that has run out is an expired booking the worker has not swept yet.
      or(ne(bookings.status, "pending"), isNull(bookings.holdExpiresAt), gt(bookings.holdExpiresAt, now)),
      scope === "own" ? inArray(bookings.staffId, ownStaff) : undefined,
    );

    const sessions = tx
      .select({
        staffId: bookings.staffId,
        minutes: sql<number>`max(${bookings.durationMinutes})`.as("minutes"),
      })
      .from(bookings)
      .where(and(counted, inArray(bookings.status, HELD)))
      .groupBy(bookings.staffId, bookings.sessionKey)
      .as("sessions");
    const serviceRevenue = revenueIn(practice.currency);
    const serviceBookings = sql<number>`count(*)::int`.mapWith(Number);

    const [lines, minutes, top, people] = await inOrder([
      // One row per staff member plus the total row (grouping sets), so totals come from the same filter.
      tx
        .select({
          staffId: bookings.staffId,
          isTotal: sql<number>`grouping(${bookings.staffId})`.mapWith(Number),
          confirmed: countWhere(sql`${bookings.status} = 'confirmed'`),
          completed: countWhere(sql`${bookings.status} = 'completed'`),
          noShow: countWhere(sql`${bookings.status} = 'no_show'`),
          cancelled: countWhere(sql`${bookings.status} = 'cancelled'`),
          pending: countWhere(sql`${bookings.status} = 'pending'`),
          revenueMinor: revenueIn(practice.currency),
          otherCurrency: countWhere(sql`${earning} and ${bookings.currency} <> ${practice.currency}`),
        })
        .from(bookings)
        .where(counted)
        .groupBy(sql`grouping sets ((${bookings.staffId}), ())`),
      tx
        .select({
          staffId: sessions.staffId,
          isTotal: sql<number>`grouping(${sessions.staffId})`.mapWith(Number),
          minutes: sql<number>`coalesce(sum(${sessions.minutes}), 0)`.mapWith(Number),
        })
        .from(sessions)
        .groupBy(sql`grouping sets ((${sessions.staffId}), ())`),
      tx
        .select({
          serviceId: services.id,
          name: services.name,
          bookings: serviceBookings,
          revenueMinor: serviceRevenue,
        })
        .from(bookings)
        .innerJoin(
          services,
          and(eq(services.tenantId, bookings.tenantId), eq(services.id, bookings.serviceId)),
        )
        .where(and(counted, ne(bookings.status, "cancelled")))
        .groupBy(services.id, services.name)
        .orderBy(desc(serviceRevenue), desc(serviceBookings), asc(services.name))
        .limit(TOP_SERVICES),
      tx
        .select({ staffId: staffMembers.id, name: staffMembers.displayName, isActive: staffMembers.isActive })
        .from(staffMembers)
        .where(
          and(
            eq(staffMembers.tenantId, actor.tenantId),
            scope === "own"
              ? eq(staffMembers.userId, actor.userId)
              : // Former staff still appear while they have bookings in the range.
                or(
                  eq(staffMembers.isActive, true),
                  inArray(staffMembers.id, tx.select({ id: bookings.staffId }).from(bookings).where(counted)),
                ),
          ),
        )
        .orderBy(asc(staffMembers.displayName), asc(staffMembers.id)),
    ]);

    const pick = <R extends { staffId: string | null; isTotal: number }>(rows: R[], staffId: string | null) =>
      rows.find((r) => (staffId === null ? r.isTotal === 1 : r.isTotal === 0 && r.staffId === staffId));
    const lineFor = (staffId: string | null): ReportLine => {
      const row = pick(lines, staffId);
      const counts: StatusCounts = {
        confirmed: row?.confirmed ?? 0,
        completed: row?.completed ?? 0,
        noShow: row?.noShow ?? 0,
        cancelled: row?.cancelled ?? 0,
        pending: row?.pending ?? 0,
      };
      return {
        bookings: counts,
        bookedMinutes: pick(minutes, staffId)?.minutes ?? 0,
        revenueMinor: row?.revenueMinor ?? 0,
        noShowRate: noShowRate(counts),
      };
    };
    return {
      timeZone: practice.timeZone,
      from: range.from,
      to: range.to,
      currency: practice.currency,
      scope,
      staff: people.map((p) => ({ ...p, ...lineFor(p.staffId) })),
      totals: {
        ...lineFor(null),
        topServices: top,
        otherCurrencyBookings: pick(lines, null)?.otherCurrency ?? 0,
      },
    };
  });
}
