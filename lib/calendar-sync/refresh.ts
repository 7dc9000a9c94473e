import { and, eq } from "drizzle-orm";
import { assertOwnStaff, type MemberActor, visibleStaffIds } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { tables, withSystem, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { logger } from "@/lib/observability";
import { type SyncResult, syncCalendar, syncStaleCalendars } from "./sync";

/** How long a booking waits for stale calendars before going ahead with the cached busy times. */
const ON_DEMAND_BUDGET_MS = 3_000;

/**
 * Before a booking is taken: refreshes the busy times of the staff who could take it if they are older
 * than CALENDAR_BUSY_MAX_AGE_SECONDS, within a short budget. A slow or failing calendar never delays the
 * booking past the budget nor fails it; the sync simply finishes (or records its error) in the background.
 */
export async function refreshBusyBeforeBooking(slug: string, serviceId: string, staffId?: string | null) {
  const scope = await withSystem(
    "calendar sync: a guest's booking refreshes stale busy times first",
    async (tx) => {
      const [tenant] = await tx
        .select({ id: tables.tenants.id })
        .from(tables.tenants)
        .where(eq(tables.tenants.slug, slug));
      if (!tenant) return null;
      const performers = await tx
        .select({ staffId: tables.serviceStaff.staffId })
        .from(tables.serviceStaff)
        .where(
          and(eq(tables.serviceStaff.tenantId, tenant.id), eq(tables.serviceStaff.serviceId, serviceId)),
        );
      const ids = performers.map((p) => p.staffId).filter((id) => !staffId || id === staffId);
      return { tenantId: tenant.id, staffIds: ids };
    },
  );
  if (!scope?.staffIds.length) return;
  const sync = syncStaleCalendars(scope).catch((error: unknown) => {
    logger.warn({ err: error }, "on-demand calendar refresh failed");
  });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ON_DEMAND_BUDGET_MS);
  });
  await Promise.race([sync, budget]);
  clearTimeout(timer);
}

/** The background refresh: every CALENDAR_SYNC_INTERVAL_SECONDS, sync whatever is older than the max age. */
export function startCalendarRefresh(): () => void {
  const seconds = config().CALENDAR_SYNC_INTERVAL_SECONDS;
  if (seconds === 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await syncStaleCalendars({}, Math.min(seconds, config().CALENDAR_BUSY_MAX_AGE_SECONDS));
    } catch (error) {
      logger.warn({ err: error }, "calendar refresh pass failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** "Sync now" on the staff page: every conflict-checking calendar of the connection, whatever its age. */
export async function syncConnectionNow(actor: MemberActor, connectionId: string): Promise<SyncResult[]> {
  const calendars = await withTenant(actor, async (tx) => {
    const [connection] = await tx
      .select({ staffId: tables.calendarConnections.staffId })
      .from(tables.calendarConnections)
      .where(
        and(
          eq(tables.calendarConnections.tenantId, actor.tenantId),
          eq(tables.calendarConnections.id, connectionId),
        ),
      );
    if (!connection) throw new NotFound("Connection not found");
    assertOwnStaff(await visibleStaffIds(tx, actor), connection.staffId, "Connection");
    return tx
      .select({ id: tables.externalCalendars.id })
      .from(tables.externalCalendars)
      .where(
        and(
          eq(tables.externalCalendars.tenantId, actor.tenantId),
          eq(tables.externalCalendars.connectionId, connectionId),
          eq(tables.externalCalendars.checkConflicts, true),
        ),
      );
  });
  const results: SyncResult[] = [];
  for (const c of calendars) results.push(await syncCalendar(actor.tenantId, c.id));
  return results;
}
