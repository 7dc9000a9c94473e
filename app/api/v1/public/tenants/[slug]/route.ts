import { json } from "@/lib/http";
import { parseSlug, publicTenant } from "@/lib/public-booking";
import { publicRoute } from "../../_lib/http";

/** GET /api/v1/public/tenants/{slug} → the practice's public profile. */
export const GET = publicRoute<{ slug: string }>({ policy: "read", cors: true }, async ({ params }) =>
  json(await publicTenant(parseSlug(params.slug))),
);
