import { listPracticeJobs } from "@/lib/tenants";
import { memberRoute, ok, queryParams } from "../_lib/member-route";

/** GET /api/v1/jobs?status=pending|failed|dead&limit — open background jobs, newest first (owners). */
export const GET = memberRoute("session", async ({ actor, request }) =>
  ok({ jobs: await listPracticeJobs(actor, queryParams(request)) }),
);
