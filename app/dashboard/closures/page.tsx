import type { Metadata } from "next";
import { ClosureForm, DeleteClosureButton } from "@/components/dashboard/closure-form";
import { formatLocalDate } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { canManage, listClosures } from "@/lib/catalogue";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { createClosureAction, deleteClosureAction } from "./actions";

export const metadata: Metadata = { title: "Closures" };

export default async function ClosuresPage() {
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const closures = await listClosures(actor);
  const manager = canManage(actor);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Closures"
        description={`Days the whole practice is closed (bank holidays, refits). Dates are in ${tenant.timeZone}.`}
      />
      {closures.length === 0 ? (
        <p className="text-sm text-muted-foreground">No closures.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>From</TableHead>
              <TableHead>To</TableHead>
              <TableHead>Reason</TableHead>
              {manager ? <TableHead className="sr-only">Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {closures.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{formatLocalDate(c.startsOn, "short")}</TableCell>
                <TableCell>{formatLocalDate(c.endsOn, "short")}</TableCell>
                <TableCell>{c.reason || <span className="text-muted-foreground">—</span>}</TableCell>
                {manager ? (
                  <TableCell className="text-right">
                    <DeleteClosureButton
                      id={c.id}
                      label={formatLocalDate(c.startsOn, "short")}
                      remove={deleteClosureAction}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {manager ? (
        <Card>
          <CardHeader>
            <CardTitle>Add a closure</CardTitle>
          </CardHeader>
          <CardContent>
            <ClosureForm create={createClosureAction} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
