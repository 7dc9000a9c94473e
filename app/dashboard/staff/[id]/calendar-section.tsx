import { FeedCard } from "@/components/calendar-sync/feed-card";
import { listFeeds } from "@/lib/calendar-sync";
import { canManage, type MemberActor } from "@/lib/catalogue";
import { issueFeedAction, revokeFeedAction } from "../calendar-actions";

/** The staff member's calendar feed (and, below it, their connected calendars): theirs or a manager's. */
export async function CalendarSection({
  actor,
  staffId,
  linkedUserId,
}: {
  actor: MemberActor;
  staffId: string;
  linkedUserId: string;
}) {
  if (!canManage(actor) && linkedUserId !== actor.userId) return null;
  const feed = (await listFeeds(actor)).find((f) => f.staffId === staffId) ?? null;
  async function issue(input: { hideDetails: boolean }) {
    "use server";
    return issueFeedAction({ ...input, staffId });
  }
  async function revoke(input: { feedId: string }) {
    "use server";
    return revokeFeedAction({ ...input, staffId });
  }
  return (
    <FeedCard
      title="Calendar feed"
      description="A private address your calendar app subscribes to: this person's bookings from 30 days ago to the booking horizon, updated as they change."
      feed={feed && { id: feed.id, hideDetails: feed.hideDetails, updatedAt: feed.updatedAt.toISOString() }}
      issue={issue}
      revoke={revoke}
    />
  );
}
