import { parseSlug, publicTenant } from "@/lib/booking/public";
import { json } from "@/lib/http/route";
import { publicRoute } from "../../_lib/http";

/** GET /api/v1/public/tenants/{slug} → the practice's public profile. */
export const GET = publicRoute<{ slug: string }>({ policy: "read", cors: true }, async ({ params }) =>
  json(await publicTenant(parseSlug(params.slug))),
);
