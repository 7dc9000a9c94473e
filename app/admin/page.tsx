import type { Metadata } from "next";
import { formatDateTime } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { statusLabel } from "@/components/dashboard/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listPlatformLog, platformReport } from "@/lib/admin";
import { requirePlatformAdmin } from "./_lib/guard";

export const metadata: Metadata = { title: "Overview" };

const ACTION_LABELS: Record<string, string> = {
  "tenant.suspended": "Suspended",
  "tenant.reactivated": "Reactivated",
  "support.viewed_bookings": "Viewed bookings as support",
};

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex flex-col">
      <span className="text-2xl font-semibold tabular-nums">{value}</span>
      <span className="text-sm text-muted-foreground">{label}</span>
    </div>
  );
}

export default async function AdminOverviewPage() {
  const admin = await requirePlatformAdmin();
  const [report, log] = await Promise.all([platformReport(admin), listPlatformLog(admin, 20)]);
  const busiestWeek = Math.max(1, ...report.newPracticesByWeek.map((w) => w.count));
  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <PageHeader title="Platform" description="Counts across every practice. Times in UTC." />
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Practices</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-2 gap-4">
            <Figure label="in all" value={report.practices.total} />
            <Figure label="active" value={report.practices.active} />
            <Figure label="suspended" value={report.practices.suspended} />
            <Figure label="published" value={report.practices.published} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Users</CardTitle>
            <CardDescription>Every account: teams, customers with accounts, admins.</CardDescription>
          </CardHeader>
          <CardContent>
            <Figure label="accounts" value={report.users} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Bookings</CardTitle>
            <CardDescription>Made in the last {report.bookings.days} days, by status now.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-1 text-sm">
            <Figure label="in all" value={report.bookings.total} />
            <ul className="mt-2 grid grid-cols-2 gap-x-4">
              {Object.entries(report.bookings.byStatus).map(([status, n]) => (
                <li key={status} className="flex justify-between">
                  <span>{statusLabel(status)}</span>
                  <span className="tabular-nums">{n}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>New practices per week</CardTitle>
          <CardDescription>Weeks start on Monday (UTC); the last is the current week.</CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="flex flex-col gap-1 text-sm">
            {report.newPracticesByWeek.map((w) => (
              <li key={w.weekStart} className="grid grid-cols-[7rem_1fr_3rem] items-center gap-2">
                <span className="text-muted-foreground">{w.weekStart}</span>
                <span
                  aria-hidden="true"
                  className="h-3 rounded bg-primary/70"
                  style={{ width: `${(w.count / busiestWeek) * 100}%` }}
                />
                <span className="text-right tabular-nums">{w.count}</span>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Recent admin actions</CardTitle>
          <CardDescription>
            The platform log; each entry is also in the practice's own audit log.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {log.length === 0 ? (
            <p className="text-sm text-muted-foreground">No admin actions yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>When (UTC)</TableHead>
                  <TableHead>Action</TableHead>
                  <TableHead>Practice</TableHead>
                  <TableHead>By</TableHead>
                  <TableHead>Reason</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {log.map((entry) => (
                  <TableRow key={entry.id}>
                    <TableCell className="whitespace-nowrap">
                      {formatDateTime(entry.createdAt, "UTC")}
                    </TableCell>
                    <TableCell>{ACTION_LABELS[entry.action] ?? entry.action}</TableCell>
                    <TableCell>{entry.practiceName ?? "—"}</TableCell>
                    <TableCell>{String(entry.details.admin ?? "—")}</TableCell>
                    <TableCell className="max-w-md">{String(entry.details.reason ?? "—")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
