import { and, eq, inArray, isNull, lt, max, or } from "drizzle-orm";
import { config } from "@/lib/config";
import { decryptSecret, encryptionKeyring } from "@/lib/crypto";
import { type Tx, tables, withSystem } from "@/lib/db";
import { logger } from "@/lib/observability";
import { markConnectionBroken } from "./broken";
import { secretContext } from "./connections";
import { caldavProvider } from "./providers/caldav";
import { type CalendarChanges, type CalendarProvider, ConnectionBroken } from "./providers/types";

const {
  calendarConnections,
  externalCalendars,
  externalEvents,
  externalBusy,
  services,
  staffMembers,
  tenants,
} = tables;
const DAY_MS = 86_400_000;
const REASON = "calendar sync: the worker reads connected calendars for every practice";

type ConnectionRow = typeof calendarConnections.$inferSelect;

/** The adapter for a stored connection, with its secret decrypted for this call only. */
export function providerFor(connection: ConnectionRow): CalendarProvider {
  const secret = decryptSecret(connection.secret, encryptionKeyring(), secretContext(connection.id));
  switch (connection.provider) {
    case "caldav":
      return caldavProvider(
        { serverUrl: connection.serverUrl, username: connection.username, password: secret },
        connection.username.includes("@") ? [connection.username] : [],
      );
    default:
      throw new ConnectionBroken(`The ${connection.provider} adapter is not available in this build.`);
  }
}

export type SyncResult = { calendarId: string; changed: number; removed: number; error: string | null };

/**
 * Brings one calendar's cached busy times up to date: only the events whose ETag changed are re-read and
 * only their intervals replaced; events gone from the calendar are dropped. A failure is recorded on the
 * connection (the staff page shows it) and never thrown at the caller, whose busy times stay as they were.
 */
export async function syncCalendar(
  tenantId: string,
  calendarId: string,
  now = new Date(),
): Promise<SyncResult> {
  // Read, ask the provider, write: no transaction stays open while a calendar server is slow.
  const state = await withSystem(REASON, async (tx) => {
    const [row] = await tx
      .select({
        calendar: externalCalendars,
        connection: calendarConnections,
        zone: staffMembers.timeZone,
        tenantZone: tenants.timeZone,
      })
      .from(externalCalendars)
      .innerJoin(
        calendarConnections,
        and(
          eq(calendarConnections.tenantId, externalCalendars.tenantId),
          eq(calendarConnections.id, externalCalendars.connectionId),
        ),
      )
      .innerJoin(
        staffMembers,
        and(
          eq(staffMembers.tenantId, externalCalendars.tenantId),
          eq(staffMembers.id, externalCalendars.staffId),
        ),
      )
      .innerJoin(tenants, eq(tenants.id, externalCalendars.tenantId))
      .where(and(eq(externalCalendars.tenantId, tenantId), eq(externalCalendars.id, calendarId)));
    if (!row?.calendar.checkConflicts) return null;
    const known = await tx
      .select({ id: externalEvents.id, href: externalEvents.href, etag: externalEvents.etag })
      .from(externalEvents)
      .where(and(eq(externalEvents.tenantId, tenantId), eq(externalEvents.calendarId, calendarId)));
    return { ...row, known, horizon: await horizonDays(tx, tenantId) };
  });
  if (!state) return { calendarId, changed: 0, removed: 0, error: null };
  const { calendar, connection, known } = state;
  const window = {
    from: new Date(now.getTime() - DAY_MS),
    to: new Date(now.getTime() + state.horizon * DAY_MS),
    zone: state.zone ?? state.tenantZone,
  };
  const onConnection = and(
    eq(calendarConnections.tenantId, tenantId),
    eq(calendarConnections.id, connection.id),
  );
  let changes: CalendarChanges;
  try {
    changes = await providerFor(connection).changes(calendar.url, window, {
      etags: new Map(known.map((k) => [k.href, k.etag])),
      syncToken: calendar.syncToken,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ err: error, tenantId, calendarId }, "calendar sync failed");
    if (error instanceof ConnectionBroken) await markConnectionBroken(tenantId, connection.id, message);
    else {
      await withSystem(REASON, (tx) =>
        tx
          .update(calendarConnections)
          .set({ lastError: message.slice(0, 1000) })
          .where(onConnection),
      );
    }
    return { calendarId, changed: 0, removed: 0, error: message };
  }
  await withSystem(REASON, async (tx) => {
    await apply(tx, { tenantId, calendarId, staffId: calendar.staffId }, known, changes);
    await tx
      .update(externalCalendars)
      .set({ syncedAt: now, syncToken: changes.syncToken })
      .where(and(eq(externalCalendars.tenantId, tenantId), eq(externalCalendars.id, calendarId)));
    await tx
      .update(calendarConnections)
      .set({ lastSyncedAt: now, lastError: null, status: "active" })
      .where(onConnection);
  });
  return { calendarId, changed: changes.changed.length, removed: changes.removed.length, error: null };
}

async function apply(
  tx: Tx,
  at: { tenantId: string; calendarId: string; staffId: string },
  known: { id: string; href: string }[],
  changes: CalendarChanges,
) {
  const idOf = new Map(known.map((k) => [k.href, k.id]));
  const gone = changes.removed.flatMap((href) => idOf.get(href) ?? []);
  if (gone.length) {
    await tx
      .delete(externalEvents)
      .where(and(eq(externalEvents.tenantId, at.tenantId), inArray(externalEvents.id, gone)));
  }
  for (const change of changes.changed) {
    const [event] = await tx
      .insert(externalEvents)
      .values({ tenantId: at.tenantId, calendarId: at.calendarId, href: change.href, etag: change.etag })
      .onConflictDoUpdate({
        target: [externalEvents.tenantId, externalEvents.calendarId, externalEvents.href],
        set: { etag: change.etag },
      })
      .returning({ id: externalEvents.id });
    if (!event) continue;
    await tx
      .delete(externalBusy)
      .where(and(eq(externalBusy.tenantId, at.tenantId), eq(externalBusy.eventId, event.id)));
    const intervals = change.busy && !change.busy.own ? change.busy.intervals : [];
    if (intervals.length) {
      await tx.insert(externalBusy).values(
        intervals.map((i) => ({
          tenantId: at.tenantId,
          eventId: event.id,
          staffId: at.staffId,
          startsAt: i.start,
          endsAt: i.end,
        })),
      );
    }
  }
}

/** How far ahead availability can be asked for in this practice: the longest booking horizon. */
async function horizonDays(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ days: max(services.maxDaysInAdvance) })
    .from(services)
    .where(eq(services.tenantId, tenantId));
  return Math.min(Math.max(row?.days ?? 60, 1), 730) + 1;
}

/**
 * Syncs the conflict-checking calendars of these staff members (all of a practice's when none are
 * given, every practice's when no tenant is given) whose last sync is older than `maxAgeSeconds`.
 */
export async function syncStaleCalendars(
  scope: { tenantId?: string; staffIds?: readonly string[] } = {},
  maxAgeSeconds = config().CALENDAR_BUSY_MAX_AGE_SECONDS,
  now = new Date(),
): Promise<SyncResult[]> {
  const cutoff = new Date(now.getTime() - maxAgeSeconds * 1000);
  const due = await withSystem(REASON, (tx) =>
    tx
      .select({ tenantId: externalCalendars.tenantId, id: externalCalendars.id })
      .from(externalCalendars)
      .innerJoin(
        calendarConnections,
        and(
          eq(calendarConnections.tenantId, externalCalendars.tenantId),
          eq(calendarConnections.id, externalCalendars.connectionId),
        ),
      )
      .where(
        and(
          scope.tenantId ? eq(externalCalendars.tenantId, scope.tenantId) : undefined,
          scope.staffIds
            ? inArray(
                externalCalendars.staffId,
                scope.staffIds.length ? [...scope.staffIds] : [crypto.randomUUID()],
              )
            : undefined,
          eq(externalCalendars.checkConflicts, true),
          eq(calendarConnections.status, "active"),
          or(isNull(externalCalendars.syncedAt), lt(externalCalendars.syncedAt, cutoff)),
        ),
      ),
  );
  const results: SyncResult[] = [];
  for (const calendar of due) results.push(await syncCalendar(calendar.tenantId, calendar.id, now));
  return results;
}
