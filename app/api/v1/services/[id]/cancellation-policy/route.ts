import { z } from "zod";
import { setServicePolicy } from "@/lib/payments";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";

/** PUT /api/v1/services/{id}/cancellation-policy `{policy}` (null: the practice's) → `{policy}`; audited. */
export const PUT = memberRoute<{ id: string }>("catalogue:write", async ({ actor, params, json }) => {
  const serviceId = pathId(params.id, "Service");
  const body = await json(z.object({ policy: z.unknown() }));
  return ok({ policy: await setServicePolicy(actor, serviceId, body.policy ?? null) });
});
