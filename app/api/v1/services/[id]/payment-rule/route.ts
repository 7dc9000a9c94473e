import { z } from "zod";
import { setServicePaymentRule } from "@/lib/payments";
import { memberRoute, ok, pathId } from "../../../_lib/member-route";

/**
 * PUT /api/v1/services/{id}/payment-rule `{rule: "none" | "prepayment" | "card_on_file"}` or
 * `{rule: "deposit", deposit: {kind: "fixed", amount_cents} | {kind: "percent", bps}}`; managers, audited.
 */
export const PUT = memberRoute<{ id: string }>("catalogue:write", async ({ actor, params, json }) => {
  const serviceId = pathId(params.id, "Service");
  const body = await json(z.record(z.string(), z.unknown()));
  return ok(await setServicePaymentRule(actor, serviceId, body));
});
