import { getServiceForm, updateService } from "@/lib/catalogue";
import { getTenantSettings } from "@/lib/tenants";
import { memberRoute, noContent, pathId } from "../../_lib/member-route";
import { ServicePatch, toFields } from "../_lib/service-body";

/** PATCH /api/v1/services/{id} → 204; `is_active: false` takes it off the booking page. */
export const PATCH = memberRoute<{ id: string }>("catalogue:write", async ({ actor, params, json }) => {
  const id = pathId(params.id, "Service");
  const patch = await json(ServicePatch);
  const { values } = await getServiceForm(actor, id);
  // Lib stores prices in the practice's current currency, so `price_cents` is read in it too.
  const { currency } = await getTenantSettings(actor);
  await updateService(actor, id, { ...values, ...toFields(patch, currency) });
  return noContent();
});
