import { and, eq } from "drizzle-orm";
import { config } from "@/lib/config";
import { tables, withSystem } from "@/lib/db";
import { mailer } from "@/lib/notifications";
import { logger } from "@/lib/observability";

const { calendarConnections, staffMembers, users } = tables;

/**
 * Marks a connection broken (its credentials were refused for good) and, the first time only, emails the
 * staff member it belongs to: until they reconnect, their calendar neither blocks times nor gets bookings.
 * The status change is the guard, so two syncs failing at once send one email.
 */
export async function markConnectionBroken(tenantId: string, connectionId: string, reason: string) {
  const owner = await withSystem("calendar sync: a refused connection is marked broken", async (tx) => {
    const [flipped] = await tx
      .update(calendarConnections)
      .set({ status: "broken", lastError: reason.slice(0, 1000) })
      .where(
        and(
          eq(calendarConnections.tenantId, tenantId),
          eq(calendarConnections.id, connectionId),
          eq(calendarConnections.status, "active"),
        ),
      )
      .returning({ label: calendarConnections.label, staffId: calendarConnections.staffId });
    if (!flipped) return null;
    const [person] = await tx
      .select({ email: users.email, staffId: staffMembers.id })
      .from(staffMembers)
      .innerJoin(users, eq(users.id, staffMembers.userId))
      .where(and(eq(staffMembers.tenantId, tenantId), eq(staffMembers.id, flipped.staffId)));
    return person ? { ...person, label: flipped.label } : null;
  });
  if (!owner) return;
  const page = new URL(`/dashboard/staff/${owner.staffId}`, config().APP_URL).toString();
  try {
    await mailer().send({
      to: owner.email,
      tenantId,
      tag: "calendar.connection-broken",
      subject: `Your calendar "${owner.label}" needs reconnecting`,
      text: [
        `Boka can no longer reach your calendar "${owner.label}": ${reason}`,
        "",
        "Until you reconnect it, its busy times do not block bookings and new bookings are not written into it.",
        `Reconnect it on your staff page: ${page}`,
      ].join("\n"),
    });
  } catch (error) {
    logger.warn({ err: error, tenantId, connectionId }, "could not email about a broken calendar connection");
  }
}
