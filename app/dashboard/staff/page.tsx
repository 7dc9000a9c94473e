import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { canManage, listStaff } from "@/lib/catalogue";
import { currentPractice, requireStaffMember } from "../../_lib/session";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const staff = await listStaff(actor);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Staff"
        description="The people who take bookings, with their working hours, days off and time off."
        actions={
          canManage(actor) ? (
            <Button asChild>
              <Link href="/dashboard/staff/new">Add staff member</Link>
            </Button>
          ) : null
        }
      />
      {staff.length === 0 ? (
        <p className="text-sm text-muted-foreground">No staff yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Signs in as</TableHead>
              <TableHead>Time zone</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">
                  <Link className="underline-offset-4 hover:underline" href={`/dashboard/staff/${s.id}`}>
                    {s.displayName}
                  </Link>
                </TableCell>
                <TableCell>
                  {s.userEmail ?? <span className="text-muted-foreground">Not linked</span>}
                </TableCell>
                <TableCell>{s.timeZone ?? `${tenant.timeZone} (practice)`}</TableCell>
                <TableCell>
                  {s.isActive ? (
                    <Badge variant="success">Active</Badge>
                  ) : (
                    <Badge variant="outline">Inactive</Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
