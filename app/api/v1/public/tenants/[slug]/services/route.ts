import { json } from "@/lib/http";
import { parseSlug, publicServices } from "@/lib/public-booking";
import { publicRoute } from "../../../_lib/http";

/** GET /api/v1/public/tenants/{slug}/services → the practice's active, public services. */
export const GET = publicRoute<{ slug: string }>({ policy: "read", cors: true }, async ({ params }) =>
  json(await publicServices(parseSlug(params.slug))),
);
