import { retryPlatformJobs } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson } from "../../_lib/http";

/** POST /api/v1/admin/jobs/retry-dead → every dead job of every practice queued again (audited). */
export const POST = route(async (ctx) => {
  const admin = await adminOf(ctx);
  return noStoreJson({ queued: await retryPlatformJobs(admin, "all-dead") });
});
