import { createService, listServices } from "@/lib/catalogue";
import { getTenantSettings } from "@/lib/tenants";
import { memberRoute, ok } from "../_lib/member-route";
import { NEW_SERVICE_DEFAULTS, NewServiceBody, toFields } from "./_lib/service-body";

/** GET /api/v1/services — every service, inactive and private ones too (the team's view). */
export const GET = memberRoute(async ({ actor }) => {
  return ok({ services: await listServices(actor) });
});

/** POST /api/v1/services → 201 `{id}`; prices are in the practice's currency. */
export const POST = memberRoute(async ({ actor, json }) => {
  const body = await json(NewServiceBody);
  const { currency } = await getTenantSettings(actor);
  return ok(await createService(actor, { ...NEW_SERVICE_DEFAULTS, ...toFields(body, currency) }), 201);
});
