import { retryPlatformJobs } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf } from "../../../../../_lib/http";

/** POST /api/v1/admin/tenants/{id}/jobs/{jobId}/retry → 204; the job runs now (audited). */
export const POST = route<{ id: string; jobId: string }>(async (ctx) => {
  const admin = await adminOf(ctx);
  await retryPlatformJobs(admin, { tenantId: ctx.params.id, id: ctx.params.jobId });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
