/**
 * What a suspended practice means for its own team: no dashboard (app/_lib/session.ts
 * requireStaffMember sends them to /suspended) and 403 `practice-suspended` from the API. Visitors are
 * already kept out by RLS: anonymous reads see only active, published practices, and the public write
 * path checks `status = 'active'`.
 */
import { eq } from "drizzle-orm";
import { tables, withTenant } from "@/lib/db";
import type { MemberActor } from "@/lib/http";

export { PRACTICE_SUSPENDED, PracticeSuspended } from "@/lib/errors";

/**
 * Read as the member (RLS lets members read their own practice), fresh on every request: a suspension
 * or reactivation applies from the member's next request. A practice they cannot read counts as unavailable.
 */
export async function isPracticeSuspended(actor: MemberActor): Promise<boolean> {
  const [row] = await withTenant(actor, (tx) =>
    tx
      .select({ status: tables.tenants.status })
      .from(tables.tenants)
      .where(eq(tables.tenants.id, actor.tenantId)),
  );
  return row?.status !== "active";
}
