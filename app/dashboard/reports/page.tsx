import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { can } from "@/lib/auth";
import { zodFieldErrors } from "@/lib/http";
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, practiceReport, ReportRangeFields } from "@/lib/reports";
import { requireStaffMember } from "../../_lib/session";
import { StaffTable, TopServicesTable } from "./report-tables";

export const metadata: Metadata = { title: "Reports" };

type Search = Record<string, string | string[] | undefined>;

function first(search: Search, key: string): string {
  const v = search[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "reports.view_own")) {
    return <Alert className="max-w-xl">Reports are for the practice's team.</Alert>;
  }
  const search = await searchParams;
  const values = { from: first(search, "from"), to: first(search, "to") };
  const parsed = ReportRangeFields.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const e of zodFieldErrors(parsed.error)) errors[e.field] ??= e.message;
  const report = parsed.success ? await practiceReport(actor, values) : null;
  const shown = report ? { from: report.from, to: report.to } : values;
  const exportQuery = new URLSearchParams(shown).toString();

  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="Reports"
        description={
          report?.scope === "own"
            ? "Your own bookings: the staff records linked to your login."
            : "Bookings, booked time and revenue for every staff member."
        }
        actions={
          report ? (
            <Button asChild variant="outline">
              <Link href={`/dashboard/reports/export?${exportQuery}`} prefetch={false}>
                Download CSV
              </Link>
            </Button>
          ) : null
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Date range</CardTitle>
          <CardDescription>
            Bookings that start on these days, in the practice's time zone
            {report ? ` (${report.timeZone})` : ""}. Leave both empty for the last {DEFAULT_RANGE_DAYS} days;
            at most {MAX_RANGE_DAYS} days.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form method="get" className="grid gap-4 sm:grid-cols-3 sm:items-end">
            <FormField label="From" htmlFor="from" error={errors.from}>
              <Input
                id="from"
                name="from"
                type="date"
                defaultValue={shown.from}
                {...fieldAria("from", errors.from)}
              />
            </FormField>
            <FormField label="To" htmlFor="to" error={errors.to}>
              <Input id="to" name="to" type="date" defaultValue={shown.to} {...fieldAria("to", errors.to)} />
            </FormField>
            <div className="flex gap-2">
              <Button type="submit">Show</Button>
              <Button asChild variant="outline">
                <Link href="/dashboard/reports">Last {DEFAULT_RANGE_DAYS} days</Link>
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>

      {report ? (
        <>
          {report.totals.otherCurrencyBookings > 0 ? (
            <Alert>
              {report.totals.otherCurrencyBookings} booking(s) in this range were priced in another currency
              and are not included in revenue ({report.currency}).
            </Alert>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>By staff member</CardTitle>
              <CardDescription>
                Revenue counts completed and confirmed bookings at the price they were booked for. The no-show
                rate is no-shows out of completed and no-show bookings.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {report.staff.length ? (
                <StaffTable report={report} />
              ) : (
                <p className="text-sm text-muted-foreground">
                  {report.scope === "own"
                    ? "Your login is not linked to a staff member yet: ask an owner or manager to link it."
                    : "The practice has no staff members yet."}
                </p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Top services</CardTitle>
            </CardHeader>
            <CardContent>
              <TopServicesTable report={report} />
            </CardContent>
          </Card>
        </>
      ) : (
        <Alert variant="destructive">Choose a valid date range to see the report.</Alert>
      )}
    </div>
  );
}
