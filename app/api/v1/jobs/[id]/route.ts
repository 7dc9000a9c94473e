import { discardPracticeJob } from "@/lib/tenants";
import { memberRoute, noContent } from "../../_lib/member-route";

/** DELETE /api/v1/jobs/{id} — discards a pending or dead job (kept as cancelled; it never runs). */
export const DELETE = memberRoute<{ id: string }>("session", async ({ actor, params }) => {
  await discardPracticeJob(actor, params.id);
  return noContent();
});
