import { z } from "zod";
import { AuditQuery, queryAudit } from "@/lib/tenants";
import { list, memberRoute, parseQuery, queryParams } from "../_lib/member-route";

/** Audit entries are numbered, newest first: the list's natural order is its keyset. */
const AuditPageParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    startingAfter: z.coerce.number().int().positive("Not an entry id").optional(),
    endingBefore: z.coerce.number().int().positive("Not an entry id").optional(),
  })
  .refine((p) => !(p.startingAfter && p.endingBefore), {
    path: ["endingBefore"],
    message: "Give starting_after or ending_before, not both",
  });

/**
 * GET /api/v1/audit?actor&action&from&to&limit&starting_after&ending_before — newest first. `details`
 * is returned as recorded. Signed-in owners and managers only.
 */
export const GET = memberRoute("session", async ({ actor, request }) => {
  const page = parseQuery(request, AuditPageParams);
  const filters = AuditQuery.parse({
    ...queryParams(request),
    before: page.startingAfter,
    after: page.endingBefore,
  });
  const result = await queryAudit(actor, filters, page.limit);
  return list({ object: "list", data: result.entries, hasMore: result.hasMore }, (e) => ({
    object: "audit_entry",
    ...e,
  }));
});
