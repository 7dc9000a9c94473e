import { createService, listServicesPage } from "@/lib/catalogue";
import { getTenantSettings } from "@/lib/tenants";
import { list, listParams, memberRoute, ok } from "../_lib/member-route";
import { NEW_SERVICE_DEFAULTS, NewServiceBody, toFields } from "./_lib/service-body";

/** GET /api/v1/services?limit&starting_after&ending_before — every service, inactive and private ones too. */
export const GET = memberRoute("catalogue:read", async ({ actor, request }) => {
  const page = await listServicesPage(actor, listParams(request));
  return list(page, (row) => ({ object: "service", ...row }));
});

/** POST /api/v1/services → 201 `{id}`; prices are in the practice's currency. */
export const POST = memberRoute("catalogue:write", async ({ actor, json }) => {
  const body = await json(NewServiceBody);
  const { currency } = await getTenantSettings(actor);
  return ok(await createService(actor, { ...NEW_SERVICE_DEFAULTS, ...toFields(body, currency) }), 201);
});
