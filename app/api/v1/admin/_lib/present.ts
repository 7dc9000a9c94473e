/** The admin API's JSON (snake_case, instants as ISO 8601 UTC), like the public API. */
import type { PlatformReport, PracticeList, PracticeSummary, SupportView } from "@/lib/admin";

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export const presentPractice = (p: PracticeSummary) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  status: p.status,
});

export const presentPracticeList = (list: PracticeList) => ({
  tenants: list.rows.map((row) => ({
    ...presentPractice(row),
    published: row.publishedAt !== null,
    created_at: iso(row.createdAt),
    owner_email: row.ownerEmail,
    member_count: row.memberCount,
    booking_count: row.bookingCount,
    suspended_at: iso(row.suspendedAt),
    suspension_reason: row.suspensionReason,
  })),
  total: list.total,
  page: list.page,
  page_size: list.pageSize,
});

export const presentSupportView = (view: SupportView) => ({
  tenant: { ...presentPractice(view.practice), time_zone: view.practice.timeZone },
  bookings: view.rows.map((b) => ({
    id: b.id,
    start: iso(b.startAt),
    end: iso(b.endAt),
    status: b.status,
    service_name: b.serviceName,
    staff_name: b.staffName,
    customer_name: b.customerName,
    price_cents: b.priceCents,
    currency: b.currency,
    source: b.source,
    created_at: iso(b.createdAt),
  })),
  total: view.total,
  page: view.page,
  page_size: view.pageSize,
});

export const presentReport = (report: PlatformReport) => ({
  generated_at: iso(report.generatedAt),
  practices: report.practices,
  users: report.users,
  bookings: { days: report.bookings.days, total: report.bookings.total, by_status: report.bookings.byStatus },
  new_practices_by_week: report.newPracticesByWeek.map((w) => ({ week_start: w.weekStart, count: w.count })),
});
