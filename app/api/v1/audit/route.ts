import { json } from "@/lib/http";
import { instant } from "@/lib/public-booking";
import { AuditQuery, queryAudit } from "@/lib/tenants";
import { memberRoute, queryParams } from "../_lib/member-route";

/**
 * GET /api/v1/audit?actor&action&from&to&before — newest first, 50 a page; `next_before` fetches the
 * next page. `details` is returned as recorded.
 */
export const GET = memberRoute(async ({ actor, request }) => {
  const page = await queryAudit(actor, AuditQuery.parse(queryParams(request)));
  return json(
    {
      entries: page.entries.map((e) => ({
        id: e.id,
        created_at: instant(e.createdAt),
        action: e.action,
        actor_user_id: e.actorUserId,
        actor_name: e.actorName,
        target_type: e.targetType,
        target_id: e.targetId,
        details: e.details,
        ip: e.ip,
      })),
      next_before: page.nextBefore,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
