import { liveStream } from "@/lib/events";
import { memberRoute } from "../_lib/member-route";

/**
 * GET /api/v1/live — server-sent events for the signed-in member's practice: `changed` hints
 * `{type, booking_id?, version}` after any booking change; the dashboard refetches on each.
 */
export const GET = memberRoute("session", async ({ actor, request }) =>
  liveStream({
    tenantId: actor.tenantId,
    channel: "bookings",
    lastEventId: request.headers.get("last-event-id"),
    signal: request.signal,
  }),
);
