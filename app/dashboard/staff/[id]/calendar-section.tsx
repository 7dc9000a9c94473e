import { CalDavConnectForm } from "@/components/calendar-sync/connect-form";
import { ConnectionList } from "@/components/calendar-sync/connection-list";
import { FeedCard } from "@/components/calendar-sync/feed-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listConnections, listFeeds } from "@/lib/calendar-sync";
import type { CalDavConnectFields } from "@/lib/calendar-sync/fields";
import { canManage, type MemberActor } from "@/lib/catalogue";
import {
  chooseCalendarAction,
  connectCalDavAction,
  disconnectCalendarAction,
  issueFeedAction,
  revokeFeedAction,
  syncConnectionAction,
} from "../calendar-actions";

/** The staff member's calendar feed and connected calendars: shown to them and to managers. */
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
  const [feeds, connections] = await Promise.all([listFeeds(actor), listConnections(actor, staffId)]);
  const feed = feeds.find((f) => f.staffId === staffId) ?? null;
  async function issue(input: { hideDetails: boolean }) {
    "use server";
    return issueFeedAction({ ...input, staffId });
  }
  async function revoke(input: { feedId: string }) {
    "use server";
    return revokeFeedAction({ ...input, staffId });
  }
  async function connect(input: CalDavConnectFields) {
    "use server";
    return connectCalDavAction({ ...input, staffId });
  }
  async function choose(input: { calendarId: string; checkConflicts: boolean; writeBookings: boolean }) {
    "use server";
    return chooseCalendarAction({ ...input, staffId });
  }
  async function syncNow(input: { connectionId: string }) {
    "use server";
    return syncConnectionAction({ ...input, staffId });
  }
  async function disconnect(input: { connectionId: string }) {
    "use server";
    return disconnectCalendarAction({ ...input, staffId });
  }
  return (
    <>
      <FeedCard
        title="Calendar feed"
        description="A private address your calendar app subscribes to: this person's bookings from 30 days ago to the booking horizon, updated as they change."
        feed={feed && { id: feed.id, hideDetails: feed.hideDetails, updatedAt: feed.updatedAt.toISOString() }}
        issue={issue}
        revoke={revoke}
      />
      <Card>
        <CardHeader>
          <CardTitle>Connected calendars</CardTitle>
          <CardDescription>
            Busy times in calendars checked for conflicts close those times for booking; new bookings are
            written into the one calendar chosen for them, updated when moved and removed when cancelled.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ConnectionList
            connections={connections.map((c) => ({
              id: c.id,
              label: c.label,
              serverUrl: c.serverUrl,
              status: c.status,
              lastSyncedAt: c.lastSyncedAt?.toISOString() ?? null,
              lastError: c.lastError,
              calendars: c.calendars,
            }))}
            actions={{ choose, syncNow, disconnect }}
          />
          <CalDavConnectForm staffId={staffId} connect={connect} />
        </CardContent>
      </Card>
    </>
  );
}
