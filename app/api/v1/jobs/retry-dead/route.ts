import { retryDeadPracticeJobs } from "@/lib/tenants";
import { memberRoute, ok } from "../../_lib/member-route";

/** POST /api/v1/jobs/retry-dead — queues every dead job of the practice; answers how many. */
export const POST = memberRoute("session", async ({ actor }) =>
  ok({ queued: await retryDeadPracticeJobs(actor) }),
);
