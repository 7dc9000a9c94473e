import { retryPracticeJob } from "@/lib/tenants";
import { memberRoute, noContent } from "../../../_lib/member-route";

/** POST /api/v1/jobs/{id}/retry — runs a pending or dead job now; its failed deliveries start afresh. */
export const POST = memberRoute<{ id: string }>("session", async ({ actor, params }) => {
  await retryPracticeJob(actor, params.id);
  return noContent();
});
