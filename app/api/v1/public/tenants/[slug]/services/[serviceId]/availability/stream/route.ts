import { liveStream } from "@/lib/events";
import { parseServiceId, parseSlug, publicServiceRef } from "@/lib/public-booking";
import { publicRoute } from "../../../../../../_lib/http";

/**
 * GET /api/v1/public/tenants/{slug}/services/{serviceId}/availability/stream — server-sent events:
 * a `changed` hint `{type, version}` whenever this service's availability may have changed.
 */
export const GET = publicRoute<{ slug: string; serviceId: string }>(
  { policy: "read", cors: true },
  async ({ params, request }) => {
    const ref = await publicServiceRef(parseSlug(params.slug), parseServiceId(params.serviceId));
    return liveStream({
      tenantId: ref.tenantId,
      channel: `availability:${ref.serviceId}`,
      lastEventId: request.headers.get("last-event-id"),
      signal: request.signal,
    });
  },
);
