import { and, eq, gt, gte, inArray, isNull, lte, max, or } from "drizzle-orm";
import { hashToken } from "@/lib/auth";
import { tables, withSystem } from "@/lib/db";
import { type FeedBooking, feedEtag, renderFeed } from "./render";

const { calendarFeeds, tenants, bookings, customers, staffMembers, services } = tables;

const PAST_DAYS = 30;
const DAY_MS = 86_400_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type FeedAnswer =
  | { status: 404 }
  | { status: 304; etag: string }
  | { status: 200; etag: string; body: string };

/**
 * Answers a subscription request. The slug and token must both match one feed, so a token of one practice
 * is useless under another's address. Runs on the system path: a token is not an identity until its hash
 * matches, and calendar apps send no cookie.
 */
export function answerFeed(slug: string, token: string, ifNoneMatch: string | null): Promise<FeedAnswer> {
  if (!TOKEN.test(token)) return Promise.resolve({ status: 404 });
  return withSystem("calendar feed: a subscription token is checked by its hash", async (tx) => {
    const [feed] = await tx
      .select({
        tenantId: calendarFeeds.tenantId,
        staffId: calendarFeeds.staffId,
        hideDetails: calendarFeeds.hideDetails,
        practice: tenants.name,
        staffName: staffMembers.displayName,
      })
      .from(calendarFeeds)
      .innerJoin(tenants, eq(tenants.id, calendarFeeds.tenantId))
      .leftJoin(
        staffMembers,
        and(eq(staffMembers.tenantId, calendarFeeds.tenantId), eq(staffMembers.id, calendarFeeds.staffId)),
      )
      .where(
        and(
          eq(calendarFeeds.tokenHash, hashToken(token)),
          eq(tenants.slug, slug),
          eq(tenants.status, "active"),
        ),
      );
    if (!feed) return { status: 404 } as const;

    const now = Date.now();
    const [horizon] = await tx
      .select({ days: max(services.maxDaysInAdvance) })
      .from(services)
      .where(eq(services.tenantId, feed.tenantId));
    const until = new Date(now + (horizon?.days ?? 60) * DAY_MS);
    const rows = await tx
      .select({
        id: bookings.id,
        status: bookings.status,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        updatedAt: bookings.updatedAt,
        sequence: bookings.sequence,
        serviceName: bookings.serviceName,
        notes: bookings.notes,
        staffName: staffMembers.displayName,
        customerName: customers.name,
        customerEmail: customers.email,
        customerPhone: customers.phone,
      })
      .from(bookings)
      .innerJoin(
        staffMembers,
        and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
      )
      .innerJoin(
        customers,
        and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
      )
      .where(
        and(
          eq(bookings.tenantId, feed.tenantId),
          feed.staffId ? eq(bookings.staffId, feed.staffId) : undefined,
          inArray(bookings.status, ["pending", "confirmed"]),
          or(isNull(bookings.holdExpiresAt), gt(bookings.holdExpiresAt, new Date(now))),
          gte(bookings.endAt, new Date(now - PAST_DAYS * DAY_MS)),
          lte(bookings.startAt, until),
        ),
      )
      .orderBy(bookings.startAt, bookings.id);
    const body = renderFeed(rows as FeedBooking[], {
      calendarName: feed.staffName ? `${feed.practice}: ${feed.staffName}` : feed.practice,
      hideDetails: feed.hideDetails,
      showStaff: feed.staffId === null,
    });
    const etag = feedEtag(body);
    if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) return { status: 304, etag } as const;
    return { status: 200, etag, body } as const;
  });
}
