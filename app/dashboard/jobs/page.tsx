import type { Metadata } from "next";
import Link from "next/link";
import { JobActions, RetryDeadButton } from "@/components/dashboard/job-actions";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth";
import { JOB_FILTERS, JobQuery, listPracticeJobs } from "@/lib/tenants";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { discardJobAction, retryDeadJobsAction, retryJobAction } from "./actions";

export const metadata: Metadata = { title: "Jobs" };

const LABELS = { pending: "Waiting", failed: "Failing (will retry)", dead: "Dead (gave up)" } as const;

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "jobs.manage")) {
    return <Alert className="max-w-xl">The Jobs page is for the practice's owners.</Alert>;
  }
  const raw = (await searchParams).status;
  const parsed = JobQuery.safeParse({ status: Array.isArray(raw) ? raw[0] : raw || undefined });
  const status = parsed.success ? parsed.data.status : undefined;
  const [jobs, practice] = await Promise.all([listPracticeJobs(actor, { status }), currentPractice()]);
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: practice.timeZone,
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Jobs"
        description="Emails, reminders and other work done in the background after a change. Failed jobs retry on their own with growing pauses; dead ones gave up and wait for you."
      />
      <nav className="flex flex-wrap gap-3 text-sm" aria-label="Filter jobs">
        <Link href="/dashboard/jobs" aria-current={status ? undefined : "page"} className="underline">
          All open
        </Link>
        {JOB_FILTERS.map((f) => (
          <Link
            key={f}
            href={`/dashboard/jobs?status=${f}`}
            aria-current={status === f ? "page" : undefined}
            className="underline"
          >
            {LABELS[f]}
          </Link>
        ))}
      </nav>
      {parsed.success ? null : <Alert>Unknown filter; showing every open job.</Alert>}
      <div>
        <RetryDeadButton retryDead={retryDeadJobsAction} />
      </div>
      {jobs.length === 0 ? (
        <p className="text-sm text-muted-foreground">No open jobs. Everything has been delivered.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>What</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Next run</TableHead>
              <TableHead>Error</TableHead>
              <TableHead className="sr-only">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {jobs.map((job) => (
              <TableRow key={job.id}>
                <TableCell className="font-mono text-xs">{job.type}</TableCell>
                <TableCell>
                  {LABELS[job.status]}
                  <div className="text-xs text-muted-foreground">
                    {job.deliveries.map((d) => `${d.handler}: ${d.status}, ${d.attempts} tries`).join("; ")}
                  </div>
                </TableCell>
                <TableCell>{when.format(job.createdAt)}</TableCell>
                <TableCell>{job.status === "dead" ? "—" : when.format(job.availableAt)}</TableCell>
                <TableCell className="max-w-xs break-words text-xs">{job.lastError ?? "—"}</TableCell>
                <TableCell>
                  <JobActions job={job} label={job.type} retry={retryJobAction} discard={discardJobAction} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
