import type { Metadata } from "next";
import Link from "next/link";
import { FeedCard } from "@/components/calendar-sync/feed-card";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listFeeds } from "@/lib/calendar-sync";
import { canManage, listStaff } from "@/lib/catalogue";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { issueFeedAction, revokeFeedAction } from "./calendar-actions";

async function issuePracticeFeed(input: { hideDetails: boolean }) {
  "use server";
  return issueFeedAction({ ...input, staffId: null });
}
async function revokePracticeFeed(input: { feedId: string }) {
  "use server";
  return revokeFeedAction({ ...input, staffId: null });
}

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const staff = await listStaff(actor);
  const practiceFeed = canManage(actor)
    ? ((await listFeeds(actor)).find((f) => f.staffId === null) ?? null)
    : undefined;
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
      {practiceFeed !== undefined ? (
        <div className="mt-6">
          <FeedCard
            title="Practice calendar feed"
            description="Everyone's bookings in one subscription, for owners and managers. Each person's own feed is on their page."
            feed={
              practiceFeed && {
                id: practiceFeed.id,
                hideDetails: practiceFeed.hideDetails,
                updatedAt: practiceFeed.updatedAt.toISOString(),
              }
            }
            issue={issuePracticeFeed}
            revoke={revokePracticeFeed}
          />
        </div>
      ) : null}
    </div>
  );
}
