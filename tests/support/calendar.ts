import { randomUUID } from "node:crypto";
import { tables, withSystem } from "@/lib/db";

export type CalendarFixture = { connectionId: string; calendarId: string; eventId: string };

/** A CalDAV connection with one conflict-checking calendar and one external event, for RLS fixtures. */
export function createCalendarFixture(tenantId: string, staffId: string): Promise<CalendarFixture> {
  const ids = { connectionId: randomUUID(), calendarId: randomUUID(), eventId: randomUUID() };
  return withSystem("test factory creates a calendar connection", async (tx) => {
    await tx.insert(tables.calendarConnections).values({
      tenantId,
      id: ids.connectionId,
      staffId,
      provider: "caldav",
      label: "Fixture",
      secret: "not-a-real-secret",
    });
    await tx.insert(tables.externalCalendars).values({
      tenantId,
      id: ids.calendarId,
      connectionId: ids.connectionId,
      staffId,
      url: "https://caldav.example.test/cal/",
      checkConflicts: true,
    });
    await tx
      .insert(tables.externalEvents)
      .values({ tenantId, id: ids.eventId, calendarId: ids.calendarId, href: "/cal/x.ics", etag: '"1"' });
    return ids;
  });
}
