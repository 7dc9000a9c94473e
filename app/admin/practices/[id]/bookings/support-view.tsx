"use client";
import { useState, useTransition } from "react";
import { formatDateTime } from "@/components/dashboard/format";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import type { SupportView as View } from "@/lib/admin";
import { REASON_MIN, ReasonFields } from "@/lib/admin/fields";
import { formatMoney } from "@/lib/catalogue/fields";
import { viewBookingsAsSupportAction } from "../../actions";

/** Asks for the reason, then shows one page at a time; every page fetched is one audited opening. */
export function SupportView({ tenantId }: { tenantId: string }) {
  const [view, setView] = useState<View | null>(null);
  const [reason, setReason] = useState("");
  const [pageError, setPageError] = useState<string | null>(null);
  const [paging, startPaging] = useTransition();
  const { form, formError, onSubmit } = useActionForm(
    ReasonFields,
    async (values) => {
      const result = await viewBookingsAsSupportAction({ ...values, tenantId, page: 1 });
      if (result.ok) {
        setView(result.data);
        setReason(values.reason);
      }
      return result;
    },
    { reason: "" },
  );
  const goTo = (page: number) =>
    startPaging(async () => {
      setPageError(null);
      const result = await viewBookingsAsSupportAction({ reason, tenantId, page });
      if (result.ok) setView(result.data);
      else setPageError(result.message);
    });

  if (!view) {
    const error = form.formState.errors.reason?.message;
    const hint = `At least ${REASON_MIN} characters, e.g. the ticket you are working on.`;
    return (
      <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
        {formError && <Alert variant="destructive">{formError}</Alert>}
        <FormField
          label="Why do you need to see this practice's bookings?"
          htmlFor="reason"
          error={error}
          hint={hint}
        >
          <Textarea id="reason" rows={3} {...form.register("reason")} {...fieldAria("reason", error, hint)} />
        </FormField>
        <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Opening…" : "Open bookings (audited)"}
        </Button>
      </form>
    );
  }

  const { practice, rows, total, page, pageSize } = view;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">{practice.name}</h2>
        <span className="text-sm text-muted-foreground">/{practice.slug}</span>
        {practice.status === "suspended" ? <Badge variant="destructive">Suspended</Badge> : null}
      </div>
      <Alert>
        Read-only support view, newest first. Times in {practice.timeZone}. Customer contact details are not
        shown. Reason on record: “{reason}”.
      </Alert>
      {pageError && <Alert variant="destructive">{pageError}</Alert>}
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">This practice has no bookings.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Service</TableHead>
              <TableHead>With</TableHead>
              <TableHead>Customer</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Price</TableHead>
              <TableHead>Source</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((b) => (
              <TableRow key={b.id}>
                <TableCell className="whitespace-nowrap">
                  {formatDateTime(b.startAt, practice.timeZone)}
                </TableCell>
                <TableCell>{b.serviceName}</TableCell>
                <TableCell>{b.staffName}</TableCell>
                <TableCell>{b.customerName}</TableCell>
                <TableCell>
                  <StatusBadge status={b.status} />
                </TableCell>
                <TableCell>{formatMoney(b.priceCents, b.currency)}</TableCell>
                <TableCell>{b.source}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
          <Button variant="outline" size="sm" disabled={paging || page <= 1} onClick={() => goTo(page - 1)}>
            Previous
          </Button>
          <span aria-current="page">
            Page {page} of {pages} · {total} in all (each page is audited)
          </span>
          <Button
            variant="outline"
            size="sm"
            disabled={paging || page >= pages}
            onClick={() => goTo(page + 1)}
          >
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
