import type { Metadata } from "next";
import Link from "next/link";
import { JobActions, RetryDeadButton } from "@/components/dashboard/job-actions";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listPlatformJobs } from "@/lib/admin";
import { JOB_FILTERS, JobQuery } from "@/lib/tenants";
import { requirePlatformAdmin } from "../_lib/guard";
import { discardPlatformJobAction, retryDeadPlatformJobsAction, retryPlatformJobAction } from "./actions";

export const metadata: Metadata = { title: "Jobs" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Every practice's open background jobs (times in UTC). */
export default async function PlatformJobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePlatformAdmin();
  const raw = (await searchParams).status;
  const parsed = JobQuery.safeParse({ status: Array.isArray(raw) ? raw[0] : raw || undefined });
  const jobs = await listPlatformJobs(admin, parsed.success ? { status: parsed.data.status } : {});
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Jobs across practices</h1>
      <nav className="flex flex-wrap gap-3 text-sm" aria-label="Filter jobs">
        <Link href="/admin/jobs" className="underline">
          All open
        </Link>
        {JOB_FILTERS.map((f) => (
          <Link key={f} href={`/admin/jobs?status=${f}`} className="underline">
            {f}
          </Link>
        ))}
      </nav>
      <div>
        <RetryDeadButton retryDead={retryDeadPlatformJobsAction} />
      </div>
      {jobs.length === 0 ? (
        <p className="text-sm text-muted-foreground">No open jobs.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Practice</TableHead>
              <TableHead>What</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Created (UTC)</TableHead>
              <TableHead>Error</TableHead>
              <TableHead className="sr-only">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {jobs.map((job) => (
              <TableRow key={`${job.tenantId}:${job.id}`}>
                <TableCell>{job.practice.name}</TableCell>
                <TableCell className="font-mono text-xs">{job.type}</TableCell>
                <TableCell>
                  {job.status} · {job.attempts} runs
                </TableCell>
                <TableCell>{when.format(job.createdAt)}</TableCell>
                <TableCell className="max-w-xs break-words text-xs">{job.lastError ?? "—"}</TableCell>
                <TableCell>
                  <JobActions
                    job={job}
                    label={`${job.type} of ${job.practice.name}`}
                    retry={retryPlatformJobAction}
                    discard={discardPlatformJobAction}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
