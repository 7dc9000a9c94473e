import type { Metadata } from "next";
import Link from "next/link";
import { BookingDetailsButton } from "@/components/dashboard/booking-details-button";
import { BookingFiltersForm } from "@/components/dashboard/booking-filters-form";
import { DeskActionsProvider } from "@/components/dashboard/desk-actions";
import { formatDateTime } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pagination } from "@/components/dashboard/pagination";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BookingFilters, listBookings } from "@/lib/bookings";
import { listServices, listStaff } from "@/lib/catalogue";
import { formatMoney } from "@/lib/catalogue/fields";
import { zodFieldErrors } from "@/lib/http";
import { localDateOf } from "@/lib/scheduling";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { deskActions } from "../desk-actions";

export const metadata: Metadata = { title: "Bookings" };

const FILTER_KEYS = ["from", "to", "status", "staffId", "serviceId", "customer", "page"] as const;

export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined) raw[key] = text;
  }
  // A first visit lists what is coming up; any filter the user sets (even blank ones) replaces that.
  if (!Object.keys(raw).length) raw.from = localDateOf(Date.now(), tenant.timeZone);
  const parsed = BookingFilters.safeParse(raw);
  const errors = parsed.success
    ? {}
    : Object.fromEntries(zodFieldErrors(parsed.error).map((e) => [e.field, e.message]));
  const filters = parsed.success ? parsed.data : BookingFilters.parse({});
  const [result, staff, services] = await Promise.all([
    listBookings(actor, filters),
    listStaff(actor),
    listServices(actor),
  ]);
  const query = (page?: number) => {
    const q = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = key === "page" ? (page ? String(page) : "") : String(filters[key] ?? "");
      if (value) q.set(key, value);
    }
    return q.toString();
  };
  const staffOptions = staff.map((s) => ({ id: s.id, name: s.displayName }));
  return (
    <div className="flex max-w-6xl flex-col gap-4">
      <LiveRefresh />
      <PageHeader
        title="Bookings"
        description={`Times in ${tenant.timeZone}.`}
        actions={
          <Button asChild variant="outline">
            <Link href={`/dashboard/bookings/export?${query()}`} prefetch={false}>
              Export CSV
            </Link>
          </Button>
        }
      />
      <BookingFiltersForm
        values={{ ...filters, ...(parsed.success ? {} : raw) }}
        errors={errors}
        staff={staffOptions}
        services={services.map((s) => ({ id: s.id, name: s.name }))}
      />
      {parsed.success ? null : (
        <Alert variant="destructive">Some filters need attention; showing all bookings.</Alert>
      )}
      {result.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No bookings match.</p>
      ) : (
        <DeskActionsProvider actions={deskActions}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Service</TableHead>
                <TableHead>With</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Price</TableHead>
                <TableHead className="sr-only">Details</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((b) => (
                <TableRow key={b.id}>
                  <TableCell className="whitespace-nowrap">
                    {formatDateTime(b.startAt, tenant.timeZone)}
                  </TableCell>
                  <TableCell>{b.serviceName}</TableCell>
                  <TableCell>{b.staffName}</TableCell>
                  <TableCell>
                    <Link
                      className="underline-offset-4 hover:underline"
                      href={`/dashboard/customers/${b.customerId}`}
                    >
                      {b.customerName}
                    </Link>
                    <span className="block text-xs text-muted-foreground">{b.customerEmail}</span>
                  </TableCell>
                  <TableCell>
                    <StatusBadge
                      status={b.status}
                      hold={b.status === "pending" && b.holdExpiresAt !== null}
                    />
                  </TableCell>
                  <TableCell>{formatMoney(b.priceCents, b.currency)}</TableCell>
                  <TableCell className="text-right">
                    <BookingDetailsButton
                      bookingId={b.id}
                      label={`${b.serviceName}, ${b.customerName}`}
                      timeZone={tenant.timeZone}
                      staff={staffOptions}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DeskActionsProvider>
      )}
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        href={(p) => `/dashboard/bookings?${query(p)}`}
      />
    </div>
  );
}
