import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { Pagination } from "@/components/dashboard/pagination";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listPractices, PracticeFilters } from "@/lib/admin";
import { zodFieldErrors } from "@/lib/http";
import { requirePlatformAdmin } from "../_lib/guard";
import { StatusDialog } from "./status-dialog";

export const metadata: Metadata = { title: "Practices" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PracticesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePlatformAdmin();
  const params = await searchParams;
  const raw = { q: first(params.q), status: first(params.status), page: first(params.page) };
  const parsed = PracticeFilters.safeParse(raw);
  const errors = parsed.success
    ? {}
    : Object.fromEntries(zodFieldErrors(parsed.error).map((e) => [e.field, e.message]));
  const filters = parsed.success ? parsed.data : PracticeFilters.parse({});
  const list = await listPractices(admin, filters);
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (filters.q) q.set("q", filters.q);
    if (filters.status) q.set("status", filters.status);
    if (page > 1) q.set("page", String(page));
    return `/admin/practices?${q}`;
  };
  return (
    <div className="flex max-w-7xl flex-col gap-4">
      <PageHeader
        title="Practices"
        description="Suspend or reactivate a practice, or open its bookings as support (audited). Dates in UTC."
      />
      <search>
        <form action="/admin/practices" className="flex flex-wrap items-end gap-3 rounded-md border p-3">
          <FormField label="Name or slug" htmlFor="f-q" error={errors.q}>
            <Input id="f-q" name="q" defaultValue={raw.q ?? ""} {...fieldAria("f-q", errors.q)} />
          </FormField>
          <FormField label="Status" htmlFor="f-status" error={errors.status}>
            <NativeSelect
              id="f-status"
              name="status"
              defaultValue={raw.status ?? ""}
              {...fieldAria("f-status", errors.status)}
            >
              <option value="">Any</option>
              <option value="active">Active</option>
              <option value="suspended">Suspended</option>
            </NativeSelect>
          </FormField>
          <Button type="submit" variant="outline">
            Filter
          </Button>
        </form>
      </search>
      {parsed.success ? null : (
        <Alert variant="destructive">Some filters need attention; showing all practices.</Alert>
      )}
      {list.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No practices match.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Practice</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Owner</TableHead>
              <TableHead className="text-right">Team</TableHead>
              <TableHead className="text-right">Bookings</TableHead>
              <TableHead className="sr-only">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  {p.name}
                  <span className="block text-xs text-muted-foreground">/{p.slug}</span>
                </TableCell>
                <TableCell>
                  {p.status === "suspended" ? (
                    <>
                      <Badge variant="destructive">Suspended</Badge>
                      {p.suspendedAt ? (
                        <span className="block text-xs text-muted-foreground">
                          since {formatDateTime(p.suspendedAt, "UTC")}
                          {p.suspensionReason ? `: ${p.suspensionReason}` : ""}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <Badge variant={p.publishedAt ? "success" : "outline"}>
                      {p.publishedAt ? "Active, published" : "Active, not published"}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(p.createdAt, "UTC")}</TableCell>
                <TableCell>{p.ownerEmail ?? "—"}</TableCell>
                <TableCell className="text-right tabular-nums">{p.memberCount}</TableCell>
                <TableCell className="text-right tabular-nums">{p.bookingCount}</TableCell>
                <TableCell>
                  <div className="flex justify-end gap-2">
                    <Button asChild variant="outline" size="sm">
                      <Link href={`/admin/practices/${p.id}/bookings`} prefetch={false}>
                        View bookings
                      </Link>
                    </Button>
                    <StatusDialog
                      practice={{ id: p.id, name: p.name }}
                      suspended={p.status === "suspended"}
                    />
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={href} />
    </div>
  );
}
