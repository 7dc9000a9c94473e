import { z } from "zod";
import { practicePolicy, setPracticePolicy } from "@/lib/payments";
import { memberRoute, ok } from "../../_lib/member-route";

/** GET /api/v1/settings/cancellation-policy: the practice's policy and what customers read (owners, managers). */
export const GET = memberRoute("session", async ({ actor }) => ok(await practicePolicy(actor)));

/** PUT /api/v1/settings/cancellation-policy `{policy}` (null: the default) → the saved policy (owners); audited. */
export const PUT = memberRoute("session", async ({ actor, json }) => {
  // The policy's own keys are already snake_case: it is validated by lib, not renamed.
  const body = await json(z.object({ policy: z.unknown() }));
  return ok(await setPracticePolicy(actor, body.policy ?? null));
});
