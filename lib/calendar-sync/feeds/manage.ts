import { and, eq, isNull } from "drizzle-orm";
import { newToken } from "@/lib/auth";
import { assertOwnStaff, canManage, type MemberActor, visibleStaffIds } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { type Tx, tables, withTenant } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

const { calendarFeeds, tenants } = tables;

export type FeedSummary = { id: string; staffId: string | null; hideDetails: boolean; updatedAt: Date };
export type IssuedFeed = FeedSummary & { url: string };

/** The subscription address; the token is shown once, when it is issued (only its hash is kept). */
export function feedUrl(slug: string, token: string): string {
  return new URL(`/api/feeds/${encodeURIComponent(slug)}/${token}.ics`, config().APP_URL).toString();
}

/** A feed of one staff member (staffId) or of the whole practice (null: owners and managers only). */
async function assertFeedAccess(tx: Tx, actor: MemberActor, staffId: string | null) {
  if (staffId === null) {
    if (!canManage(actor)) throw new Forbidden("Only owners and managers have the practice feed.");
    return;
  }
  assertOwnStaff(await visibleStaffIds(tx, actor), staffId, "Staff member");
}

/** The feeds this actor may see: their own staff feed, and everyone's plus the practice's for managers. */
export function listFeeds(actor: MemberActor): Promise<FeedSummary[]> {
  return withTenant(actor, async (tx) => {
    const visible = await visibleStaffIds(tx, actor);
    const rows = await tx
      .select({
        id: calendarFeeds.id,
        staffId: calendarFeeds.staffId,
        hideDetails: calendarFeeds.hideDetails,
        updatedAt: calendarFeeds.updatedAt,
      })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tenantId, actor.tenantId));
    return rows.filter((r) =>
      r.staffId === null ? visible === null : !visible || visible.includes(r.staffId),
    );
  });
}

/**
 * Issues a new token for the feed (creating the feed if needed): the old address stops working at once.
 */
export function issueFeed(
  actor: MemberActor,
  input: { staffId: string | null; hideDetails: boolean },
): Promise<IssuedFeed> {
  return withTenant(actor, async (tx) => {
    await assertFeedAccess(tx, actor, input.staffId);
    const { token, hash } = newToken();
    const owner =
      input.staffId === null ? isNull(calendarFeeds.staffId) : eq(calendarFeeds.staffId, input.staffId);
    const now = new Date();
    const [updated] = await tx
      .update(calendarFeeds)
      .set({ tokenHash: hash, hideDetails: input.hideDetails, updatedAt: now })
      .where(and(eq(calendarFeeds.tenantId, actor.tenantId), owner))
      .returning({ id: calendarFeeds.id });
    const [row] = updated
      ? [updated]
      : await tx
          .insert(calendarFeeds)
          .values({
            tenantId: actor.tenantId,
            staffId: input.staffId,
            tokenHash: hash,
            hideDetails: input.hideDetails,
            createdBy: actor.userId,
            updatedAt: now,
          })
          .returning({ id: calendarFeeds.id });
    const [tenant] = await tx
      .select({ slug: tenants.slug })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId));
    if (!row || !tenant) throw new NotFound("Practice not found");
    return {
      id: row.id,
      staffId: input.staffId,
      hideDetails: input.hideDetails,
      updatedAt: now,
      url: feedUrl(tenant.slug, token),
    };
  });
}

/** Deletes the feed: its address answers 404 from now on. */
export function revokeFeed(actor: MemberActor, feedId: string): Promise<void> {
  return withTenant(actor, async (tx) => {
    const [feed] = await tx
      .select({ staffId: calendarFeeds.staffId })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, actor.tenantId), eq(calendarFeeds.id, feedId)));
    if (!feed) throw new NotFound("Feed not found");
    await assertFeedAccess(tx, actor, feed.staffId);
    await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, actor.tenantId), eq(calendarFeeds.id, feedId)));
  });
}
