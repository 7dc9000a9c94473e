import { discardPlatformJob } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf } from "../../../../_lib/http";

/** DELETE /api/v1/admin/tenants/{id}/jobs/{jobId} → 204; the job is kept as cancelled (audited). */
export const DELETE = route<{ id: string; jobId: string }>(async (ctx) => {
  const admin = await adminOf(ctx);
  await discardPlatformJob(admin, { tenantId: ctx.params.id, id: ctx.params.jobId });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
