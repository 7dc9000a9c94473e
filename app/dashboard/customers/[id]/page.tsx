import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CustomerForm } from "@/components/dashboard/customer-form";
import { formatDateTime } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { canManage, getCustomer } from "@/lib/catalogue";
import { formatMoney } from "@/lib/catalogue/fields";
import { NotFound } from "@/lib/errors";
import { currentPractice, requireStaffMember } from "../../../_lib/session";
import { updateCustomerAction } from "../actions";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireStaffMember();
  if (!z.uuid().safeParse(id).success) notFound();
  const tenant = await currentPractice();
  const { customer, history } = await getCustomer(actor, id).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const manager = canManage(actor);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader title={customer.name} description={customer.email} />
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
          {manager ? null : (
            <CardDescription>Only owners and managers can change a customer’s details.</CardDescription>
          )}
        </CardHeader>
        <CardContent>
          <CustomerForm
            id={customer.id}
            update={updateCustomerAction}
            canEdit={manager}
            initial={{
              name: customer.name,
              email: customer.email,
              phone: customer.phone ?? "",
              notes: customer.notes,
            }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Bookings</CardTitle>
          <CardDescription>
            {manager ? "Every booking, newest first." : "Bookings in your diary, newest first."} Times in{" "}
            {tenant.timeZone}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {history.length === 0 ? (
            <p className="text-sm text-muted-foreground">No bookings.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Service</TableHead>
                  <TableHead>With</TableHead>
                  <TableHead>Price</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell>{formatDateTime(b.startAt, tenant.timeZone)}</TableCell>
                    <TableCell>{b.serviceName}</TableCell>
                    <TableCell>{b.staffName}</TableCell>
                    <TableCell>{formatMoney(b.priceCents, b.currency)}</TableCell>
                    <TableCell>
                      <StatusBadge status={b.status} />
                    </TableCell>
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
