import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { assertOwnStaff, type MemberActor, parseFields, visibleStaffIds } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { encryptionKeyring, encryptSecret } from "@/lib/crypto";
import { tables, withSystem, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { CalDavConnectFields, CalendarChoiceFields } from "./fields";
import { caldavProvider } from "./providers/caldav";

const { calendarConnections, externalCalendars } = tables;

export const secretContext = (connectionId: string) => `calendar:${connectionId}`;

export type ConnectionView = {
  id: string;
  staffId: string;
  provider: string;
  label: string;
  serverUrl: string;
  username: string;
  status: "active" | "broken";
  lastSyncedAt: Date | null;
  lastError: string | null;
  calendars: { id: string; displayName: string; checkConflicts: boolean; writeBookings: boolean }[];
};

/**
 * Connects a CalDAV account: the server must answer with the credentials (so a typo is caught here, not
 * at the first sync), its calendars are stored, all checked for conflicts and none written to yet.
 */
export async function connectCalDav(actor: MemberActor, raw: unknown): Promise<ConnectionView> {
  const input = parseFields(CalDavConnectFields, raw);
  if (input.serverUrl.startsWith("http:") && !config().CALDAV_ALLOW_HTTP) {
    throw new ValidationFailed("Use an https:// address.", [
      {
        field: "serverUrl",
        message: "The server must use https:// (the password travels with every request)",
      },
    ]);
  }
  await withTenant(actor, async (tx) =>
    assertOwnStaff(await visibleStaffIds(tx, actor), input.staffId, "Staff member"),
  );
  let calendars: { url: string; displayName: string }[];
  try {
    calendars = await caldavProvider(input).discover();
  } catch (error) {
    throw new ValidationFailed("The calendar server did not accept the connection.", [
      {
        field: "serverUrl",
        message: `Could not connect: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  if (!calendars.length) {
    throw new ValidationFailed("No calendars were found on that account.", [
      { field: "serverUrl", message: "The account has no event calendars" },
    ]);
  }
  const id = crypto.randomUUID();
  await withTenant(actor, async (tx) => {
    await tx.insert(calendarConnections).values({
      tenantId: actor.tenantId,
      id,
      staffId: input.staffId,
      provider: "caldav",
      label: input.label,
      serverUrl: input.serverUrl,
      username: input.username,
      secret: encryptSecret(input.password, encryptionKeyring(), secretContext(id)),
    });
    await tx.insert(externalCalendars).values(
      calendars.map((c) => ({
        tenantId: actor.tenantId,
        connectionId: id,
        staffId: input.staffId,
        url: c.url,
        displayName: c.displayName.slice(0, 200),
        checkConflicts: true,
      })),
    );
  });
  const [view] = (await listConnections(actor)).filter((c) => c.id === id);
  if (!view) throw new NotFound("Connection not found");
  return view;
}

/** The connections this actor may see (their own, or everyone's for managers), with their calendars. */
export function listConnections(actor: MemberActor, staffId?: string): Promise<ConnectionView[]> {
  return withTenant(actor, async (tx) => {
    const visible = await visibleStaffIds(tx, actor);
    const rows = await tx
      .select()
      .from(calendarConnections)
      .where(
        and(
          eq(calendarConnections.tenantId, actor.tenantId),
          staffId ? eq(calendarConnections.staffId, staffId) : undefined,
          visible
            ? inArray(calendarConnections.staffId, visible.length ? visible : [crypto.randomUUID()])
            : undefined,
        ),
      )
      .orderBy(asc(calendarConnections.createdAt));
    const calendars = rows.length
      ? await tx
          .select()
          .from(externalCalendars)
          .where(
            and(
              eq(externalCalendars.tenantId, actor.tenantId),
              inArray(
                externalCalendars.connectionId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(externalCalendars.displayName))
      : [];
    return rows.map((r) => ({
      id: r.id,
      staffId: r.staffId,
      provider: r.provider,
      label: r.label,
      serverUrl: r.serverUrl,
      username: r.username,
      status: r.status,
      lastSyncedAt: r.lastSyncedAt,
      lastError: r.lastError,
      calendars: calendars
        .filter((c) => c.connectionId === r.id)
        .map((c) => ({
          id: c.id,
          displayName: c.displayName,
          checkConflicts: c.checkConflicts,
          writeBookings: c.writeBookings,
        })),
    }));
  });
}

/**
 * Sets a calendar's two switches. Writing bookings is exclusive per staff member: choosing a calendar
 * turns it off everywhere else. Turning conflict checking off drops that calendar's cached busy times.
 */
export async function chooseCalendar(actor: MemberActor, raw: unknown): Promise<void> {
  const input = parseFields(CalendarChoiceFields, raw);
  await withTenant(actor, async (tx) => {
    const [calendar] = await tx
      .select({ staffId: externalCalendars.staffId })
      .from(externalCalendars)
      .where(and(eq(externalCalendars.tenantId, actor.tenantId), eq(externalCalendars.id, input.calendarId)));
    if (!calendar) throw new NotFound("Calendar not found");
    assertOwnStaff(await visibleStaffIds(tx, actor), calendar.staffId, "Calendar");
    if (input.writeBookings) {
      await tx
        .update(externalCalendars)
        .set({ writeBookings: false })
        .where(
          and(
            eq(externalCalendars.tenantId, actor.tenantId),
            eq(externalCalendars.staffId, calendar.staffId),
            ne(externalCalendars.id, input.calendarId),
          ),
        );
    }
    await tx
      .update(externalCalendars)
      .set({
        checkConflicts: input.checkConflicts,
        writeBookings: input.writeBookings,
        ...(input.checkConflicts ? {} : { syncToken: null, syncedAt: null }),
      })
      .where(and(eq(externalCalendars.tenantId, actor.tenantId), eq(externalCalendars.id, input.calendarId)));
  });
  if (!input.checkConflicts) {
    await withSystem("calendar sync: the busy-time cache is written only by the system path", (tx) =>
      tx
        .delete(tables.externalEvents)
        .where(
          and(
            eq(tables.externalEvents.tenantId, actor.tenantId),
            eq(tables.externalEvents.calendarId, input.calendarId),
          ),
        ),
    );
  }
}

/** Disconnects: the connection, its calendars and their cached busy times go (events written stay). */
export function removeConnection(actor: MemberActor, connectionId: string): Promise<void> {
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .select({ staffId: calendarConnections.staffId })
      .from(calendarConnections)
      .where(and(eq(calendarConnections.tenantId, actor.tenantId), eq(calendarConnections.id, connectionId)));
    if (!row) throw new NotFound("Connection not found");
    assertOwnStaff(await visibleStaffIds(tx, actor), row.staffId, "Connection");
    await tx
      .delete(calendarConnections)
      .where(and(eq(calendarConnections.tenantId, actor.tenantId), eq(calendarConnections.id, connectionId)));
  });
}
