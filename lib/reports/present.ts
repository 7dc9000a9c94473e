/** The report as the API returns it (snake_case JSON) and as a CSV download. */

import { toCsv } from "@/lib/bookings";
import { minorToDecimal } from "@/lib/catalogue/fields";
import type { PracticeReport, ReportLine } from "./report";

function lineJson(line: ReportLine) {
  return {
    bookings: {
      confirmed: line.bookings.confirmed,
      completed: line.bookings.completed,
      no_show: line.bookings.noShow,
      cancelled: line.bookings.cancelled,
      pending: line.bookings.pending,
    },
    booked_minutes: line.bookedMinutes,
    revenue_minor: line.revenueMinor,
    no_show_rate: line.noShowRate,
  };
}

export function reportToJson(report: PracticeReport) {
  return {
    time_zone: report.timeZone,
    from: report.from,
    to: report.to,
    currency: report.currency,
    scope: report.scope,
    staff: report.staff.map((s) => ({
      staff_id: s.staffId,
      name: s.name,
      is_active: s.isActive,
      ...lineJson(s),
    })),
    totals: {
      ...lineJson(report.totals),
      other_currency_bookings: report.totals.otherCurrencyBookings,
      top_services: report.totals.topServices.map((t) => ({
        service_id: t.serviceId,
        name: t.name,
        bookings: t.bookings,
        revenue_minor: t.revenueMinor,
      })),
    },
  };
}

const CSV_HEADER = [
  "Staff",
  "Confirmed",
  "Completed",
  "No-show",
  "Cancelled",
  "Pending",
  "Booked minutes",
  "Revenue",
  "Currency",
  "No-show rate",
];

/** One row per staff member and a totals row; revenue as a decimal string, never a float. */
export function reportToCsv(report: PracticeReport): string {
  const row = (label: string, line: ReportLine) => [
    label,
    line.bookings.confirmed,
    line.bookings.completed,
    line.bookings.noShow,
    line.bookings.cancelled,
    line.bookings.pending,
    line.bookedMinutes,
    minorToDecimal(line.revenueMinor, report.currency),
    report.currency,
    line.noShowRate,
  ];
  return toCsv(CSV_HEADER, [...report.staff.map((s) => row(s.name, s)), row("Total", report.totals)]);
}
