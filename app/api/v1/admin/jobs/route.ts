import { listPlatformJobs } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson, query } from "../_lib/http";
import { presentJob } from "../_lib/present-jobs";

/** GET /api/v1/admin/jobs?status=pending|failed|dead&limit → open jobs of every practice, newest first. */
export const GET = route(async (ctx) => {
  const admin = await adminOf(ctx);
  const jobs = await listPlatformJobs(admin, query(ctx.request, ["status", "limit"]));
  return noStoreJson({ jobs: jobs.map(presentJob) });
});
