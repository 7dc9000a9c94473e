import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { ServiceActiveToggle } from "@/components/dashboard/service-active-toggle";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { canManage, listServices } from "@/lib/catalogue";
import { formatMoney } from "@/lib/catalogue/fields";
import { requireStaffMember } from "../../_lib/session";
import { setServiceActiveAction } from "./actions";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const { actor } = await requireStaffMember();
  const services = await listServices(actor);
  const manager = canManage(actor);
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Services"
        description="What your practice offers: length, price, who performs it and how it can be booked."
        actions={
          manager ? (
            <Button asChild>
              <Link href="/dashboard/services/new">New service</Link>
            </Button>
          ) : null
        }
      />
      {services.length === 0 ? (
        <p className="text-sm text-muted-foreground">No services yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Length</TableHead>
              <TableHead>Price</TableHead>
              <TableHead>Places</TableHead>
              <TableHead>Staff</TableHead>
              <TableHead>Status</TableHead>
              {manager ? <TableHead className="sr-only">Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {services.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">
                  <Link className="underline-offset-4 hover:underline" href={`/dashboard/services/${s.id}`}>
                    {s.name}
                  </Link>
                  {s.resourceTypeName ? (
                    <span className="block text-xs text-muted-foreground">Needs a {s.resourceTypeName}</span>
                  ) : null}
                </TableCell>
                <TableCell>{s.durationMinutes} min</TableCell>
                <TableCell>{formatMoney(s.priceCents, s.currency)}</TableCell>
                <TableCell>{s.capacity === 1 ? "1-to-1" : `Group of ${s.capacity}`}</TableCell>
                <TableCell>{s.staffIds.length}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {s.isActive ? (
                      <Badge variant="success">Active</Badge>
                    ) : (
                      <Badge variant="outline">Inactive</Badge>
                    )}
                    {s.isActive && !s.isPublic ? <Badge variant="outline">Not on booking page</Badge> : null}
                    {s.requiresConfirmation ? <Badge variant="secondary">Needs confirmation</Badge> : null}
                  </div>
                </TableCell>
                {manager ? (
                  <TableCell className="text-right">
                    <ServiceActiveToggle
                      id={s.id}
                      name={s.name}
                      isActive={s.isActive}
                      setActive={setServiceActiveAction}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
