/**
 * Platform reports (`reports.view_platform`): counts across every practice, in one SQL statement (one
 * snapshot, so the figures agree with each other). Nothing here names a practice, a person or a customer.
 *
 * - practices: all, active, suspended, published (booking page public; suspended ones included);
 * - users: every account (team members, portal customers with accounts, admins);
 * - bookings made (created_at) in the 30 days before `now`, by status;
 * - new practices per ISO week (Monday 00:00 UTC) for the 8 weeks up to and including `now`'s.
 */
import { sql } from "drizzle-orm";
import { BOOKING_STATUSES, type BookingStatus, withSystem } from "@/lib/db";
import { confirmAdminInTx, type PlatformAdmin } from "./access";

export const REPORT_BOOKING_DAYS = 30;
export const REPORT_WEEKS = 8;

export type PlatformReport = {
  generatedAt: Date;
  practices: { total: number; active: number; suspended: number; published: number };
  users: number;
  bookings: { days: number; total: number; byStatus: Record<BookingStatus, number> };
  newPracticesByWeek: { weekStart: string; count: number }[];
};

type Row = {
  practices_total: number;
  practices_active: number;
  practices_suspended: number;
  practices_published: number;
  users: number;
  bookings_by_status: Record<string, number> | string;
  new_practices_by_week: { week_start: string; count: number }[] | string;
};

/** jsonb arrives parsed from both drivers today; accept text too rather than trust that forever. */
const fromJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

export function platformReport(admin: PlatformAdmin, now = new Date()): Promise<PlatformReport> {
  const at = now.toISOString();
  return withSystem(
    "platform admin reads platform-wide counts (checked: platform admin with MFA)",
    async (tx) => {
      await confirmAdminInTx(tx, admin);
      const result = await tx.execute<Row>(sql`
      with practices as (
        select count(*)::int as total,
               (count(*) filter (where status = 'active'))::int as active,
               (count(*) filter (where status = 'suspended'))::int as suspended,
               (count(*) filter (where published_at is not null))::int as published
        from public.tenants
      ),
      recent as (
        select status, count(*)::int as n from public.bookings
        where created_at > ${at}::timestamptz - make_interval(days => ${REPORT_BOOKING_DAYS})
          and created_at <= ${at}::timestamptz
        group by status
      ),
      weeks as (
        select w as week_start
        from generate_series(
          date_trunc('week', ${at}::timestamptz at time zone 'UTC') - make_interval(weeks => ${REPORT_WEEKS - 1}),
          date_trunc('week', ${at}::timestamptz at time zone 'UTC'),
          interval '1 week'
        ) as w
      ),
      weekly as (
        select w.week_start, count(t.id)::int as n
        from weeks w
        left join public.tenants t
          on t.created_at >= w.week_start at time zone 'UTC'
         and t.created_at < (w.week_start + interval '1 week') at time zone 'UTC'
         and t.created_at <= ${at}::timestamptz
        group by w.week_start
      )
      select p.total as practices_total, p.active as practices_active,
             p.suspended as practices_suspended, p.published as practices_published,
             (select count(*)::int from public.users) as users,
             (select coalesce(jsonb_object_agg(status, n), '{}'::jsonb) from recent) as bookings_by_status,
             (select jsonb_agg(jsonb_build_object('week_start', to_char(week_start, 'YYYY-MM-DD'), 'count', n)
                               order by week_start) from weekly) as new_practices_by_week
      from practices p`);
      const row = result.rows[0];
      if (!row) throw new Error("platform report returned no row");
      const counted = fromJson(row.bookings_by_status);
      const byStatus = Object.fromEntries(
        BOOKING_STATUSES.map((status) => [status, Number(counted[status] ?? 0)]),
      ) as Record<BookingStatus, number>;
      return {
        generatedAt: now,
        practices: {
          total: Number(row.practices_total),
          active: Number(row.practices_active),
          suspended: Number(row.practices_suspended),
          published: Number(row.practices_published),
        },
        users: Number(row.users),
        bookings: {
          days: REPORT_BOOKING_DAYS,
          total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
          byStatus,
        },
        newPracticesByWeek: fromJson(row.new_practices_by_week).map((w) => ({
          weekStart: w.week_start,
          count: Number(w.count),
        })),
      };
    },
  );
}
