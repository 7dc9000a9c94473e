import { json } from "@/lib/http";
import { AvailabilityQuery, parseSlug, publicAvailability, queryObject } from "@/lib/public-booking";
import { publicRoute } from "../../../_lib/http";

const PARAMS = ["service_id", "from", "to", "staff_id", "time_zone"] as const;

/** GET /api/v1/public/tenants/{slug}/availability?service_id=&from=&to=[&staff_id=][&time_zone=] */
export const GET = publicRoute<{ slug: string }>(
  { policy: "read", cors: true },
  async ({ params, request }) => {
    const slug = parseSlug(params.slug);
    const query = AvailabilityQuery.parse(queryObject(new URL(request.url), PARAMS));
    return json(await publicAvailability(slug, query));
  },
);
