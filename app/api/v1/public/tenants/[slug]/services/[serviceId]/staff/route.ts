import { json } from "@/lib/http";
import { parseServiceId, parseSlug, publicStaff } from "@/lib/public-booking";
import { publicRoute } from "../../../../../_lib/http";

/** GET /api/v1/public/tenants/{slug}/services/{service_id}/staff → who performs the service. */
export const GET = publicRoute<{ slug: string; serviceId: string }>(
  { policy: "read", cors: true },
  async ({ params }) => json(await publicStaff(parseSlug(params.slug), parseServiceId(params.serviceId))),
);
