import type { Metadata } from "next";
import Link from "next/link";
import { DeskActionsProvider } from "@/components/dashboard/desk-actions";
import { formatLocalDate } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { TeamCalendar } from "@/components/dashboard/team-calendar";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { calendarView } from "@/lib/bookings";
import { LocalDate } from "@/lib/catalogue/fields";
import { addDays, isoWeekday, localDateOf } from "@/lib/scheduling";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { deskActions } from "../desk-actions";

export const metadata: Metadata = { title: "Calendar" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const view = first(params.view) === "week" ? "week" : "day";
  const today = localDateOf(Date.now(), tenant.timeZone);
  const picked = LocalDate.safeParse(first(params.date));
  const date = picked.success ? picked.data : today;
  const start = view === "week" ? addDays(date, 1 - isoWeekday(date)) : date;
  const step = view === "week" ? 7 : 1;
  const data = await calendarView(actor, { start, view });
  const href = (d: string, v: string = view) => `/dashboard/calendar?view=${v}&date=${d}`;
  const title =
    view === "week"
      ? `${formatLocalDate(start, "short")} – ${formatLocalDate(addDays(start, 6), "short")}`
      : formatLocalDate(start);
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh />
      <PageHeader
        title="Calendar"
        description={`${title} · times in ${tenant.timeZone}${data.canManage ? "" : " · your bookings"}`}
      />
      <div className="flex flex-wrap items-end gap-3">
        <nav aria-label="Calendar view" className="flex gap-1">
          <Button asChild size="sm" variant={view === "day" ? "default" : "outline"}>
            <Link href={href(date, "day")} aria-current={view === "day" ? "page" : undefined}>
              Day
            </Link>
          </Button>
          <Button asChild size="sm" variant={view === "week" ? "default" : "outline"}>
            <Link href={href(date, "week")} aria-current={view === "week" ? "page" : undefined}>
              Week
            </Link>
          </Button>
        </nav>
        <nav aria-label="Dates" className="flex gap-1">
          <Button asChild size="sm" variant="outline">
            <Link href={href(addDays(start, -step))}>
              {view === "week" ? "Previous week" : "Previous day"}
            </Link>
          </Button>
          <Button asChild size="sm" variant="outline">
            <Link href={href(today)}>Today</Link>
          </Button>
          <Button asChild size="sm" variant="outline">
            <Link href={href(addDays(start, step))}>{view === "week" ? "Next week" : "Next day"}</Link>
          </Button>
        </nav>
        <form action="/dashboard/calendar" className="flex items-end gap-2">
          <input type="hidden" name="view" value={view} />
          <div className="grid gap-1">
            <Label htmlFor="calendar-date" className="text-xs">
              Go to date
            </Label>
            <Input id="calendar-date" name="date" type="date" defaultValue={date} className="h-8 w-40" />
          </div>
          <Button type="submit" size="sm" variant="outline">
            Go
          </Button>
        </form>
      </div>
      <DeskActionsProvider actions={deskActions}>
        <TeamCalendar data={data} view={view} />
      </DeskActionsProvider>
    </div>
  );
}
