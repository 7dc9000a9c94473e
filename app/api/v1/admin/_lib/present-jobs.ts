import type { PlatformJob } from "@/lib/admin";
import { instant } from "@/lib/public-booking";

export function presentJob(job: PlatformJob) {
  return {
    id: job.id,
    tenant_id: job.tenantId,
    practice: job.practice,
    type: job.type,
    status: job.status,
    attempts: job.attempts,
    last_error: job.lastError,
    available_at: instant(job.availableAt),
    created_at: instant(job.createdAt),
    deliveries: job.deliveries.map((d) => ({
      handler: d.handler,
      status: d.status,
      attempts: d.attempts,
      last_error: d.lastError,
      next_attempt_at: instant(d.nextAttemptAt),
    })),
  };
}
