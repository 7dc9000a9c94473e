import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatMoney } from "@/lib/catalogue/fields";
import type { PracticeReport, ReportLine } from "@/lib/reports";

/** "12 h 30 min" — booked time is kept in whole minutes. */
function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)} %`;
}

function LineCells({ line, currency }: { line: ReportLine; currency: string }) {
  return (
    <>
      <TableCell className="text-right tabular-nums">{line.bookings.confirmed}</TableCell>
      <TableCell className="text-right tabular-nums">{line.bookings.completed}</TableCell>
      <TableCell className="text-right tabular-nums">{line.bookings.noShow}</TableCell>
      <TableCell className="text-right tabular-nums">{line.bookings.cancelled}</TableCell>
      <TableCell className="text-right tabular-nums">{line.bookings.pending}</TableCell>
      <TableCell className="text-right tabular-nums whitespace-nowrap">{hours(line.bookedMinutes)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatMoney(line.revenueMinor, currency)}</TableCell>
      <TableCell className="text-right tabular-nums">{percent(line.noShowRate)}</TableCell>
    </>
  );
}

const NUMERIC = [
  "Confirmed",
  "Completed",
  "No-show",
  "Cancelled",
  "Pending",
  "Booked",
  "Revenue",
  "No-show rate",
];

export function StaffTable({ report }: { report: PracticeReport }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Staff member</TableHead>
          {NUMERIC.map((h) => (
            <TableHead key={h} className="text-right">
              {h}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.staff.map((s) => (
          <TableRow key={s.staffId}>
            <TableCell>
              {s.name}
              {s.isActive ? null : <span className="ml-2 text-xs text-muted-foreground">(inactive)</span>}
            </TableCell>
            <LineCells line={s} currency={report.currency} />
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell>{report.scope === "all" ? "Practice total" : "Your total"}</TableCell>
          <LineCells line={report.totals} currency={report.currency} />
        </TableRow>
      </TableFooter>
    </Table>
  );
}

export function TopServicesTable({ report }: { report: PracticeReport }) {
  if (!report.totals.topServices.length) {
    return <p className="text-sm text-muted-foreground">No bookings in this range.</p>;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Service</TableHead>
          <TableHead className="text-right">Bookings (not cancelled)</TableHead>
          <TableHead className="text-right">Revenue</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.totals.topServices.map((t) => (
          <TableRow key={t.serviceId}>
            <TableCell>{t.name}</TableCell>
            <TableCell className="text-right tabular-nums">{t.bookings}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(t.revenueMinor, report.currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
