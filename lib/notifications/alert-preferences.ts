import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Actor, type Tx, tables, withTenant } from "@/lib/db";

export const ALERT_KINDS = [
  "new_booking",
  "booking_request",
  "booking_cancelled",
  "booking_rescheduled",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_LABELS: Record<AlertKind, string> = {
  new_booking: "A customer books online",
  booking_request: "A request waits for confirmation",
  booking_cancelled: "A booking is cancelled",
  booking_rescheduled: "A customer moves a booking",
};

type MemberActor = Extract<Actor, { kind: "member" }>;
const { memberAlertPreferences: prefs } = tables;

export const AlertPreferencesInput = z.object(
  Object.fromEntries(ALERT_KINDS.map((k) => [k, z.boolean()])) as Record<AlertKind, z.ZodBoolean>,
);
export type AlertPreferences = z.infer<typeof AlertPreferencesInput>;

/** Every kind is on until the member turns it off. */
export async function myAlertPreferences(actor: MemberActor): Promise<AlertPreferences> {
  const rows = await withTenant(actor, (tx) =>
    tx
      .select({ kind: prefs.kind, email: prefs.email })
      .from(prefs)
      .where(and(eq(prefs.tenantId, actor.tenantId), eq(prefs.userId, actor.userId))),
  );
  const off = new Set(rows.filter((r) => !r.email).map((r) => r.kind));
  return Object.fromEntries(ALERT_KINDS.map((k) => [k, !off.has(k)])) as AlertPreferences;
}

export async function saveMyAlertPreferences(
  actor: MemberActor,
  input: AlertPreferences,
): Promise<AlertPreferences> {
  const values = AlertPreferencesInput.parse(input);
  await withTenant(actor, async (tx) => {
    for (const kind of ALERT_KINDS) {
      await tx
        .insert(prefs)
        .values({ tenantId: actor.tenantId, userId: actor.userId, kind, email: values[kind] })
        .onConflictDoUpdate({
          target: [prefs.tenantId, prefs.userId, prefs.kind],
          set: { email: values[kind] },
        });
    }
  });
  return values;
}

/** Members who get this alert: owners and managers, and the staff member the booking is with. */
export async function alertRecipients(
  tx: Tx,
  tenantId: string,
  kind: AlertKind,
  staffUserId: string | null,
): Promise<{ userId: string; email: string }[]> {
  const { memberships, users } = tables;
  const rows = await tx
    .select({ userId: users.id, email: users.email, role: memberships.role, pref: prefs.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      prefs,
      and(
        eq(prefs.tenantId, memberships.tenantId),
        eq(prefs.userId, memberships.userId),
        eq(prefs.kind, kind),
      ),
    )
    .where(eq(memberships.tenantId, tenantId));
  return rows
    .filter(
      (r) => r.role === "owner" || r.role === "manager" || (r.role === "staff" && r.userId === staffUserId),
    )
    .filter((r) => r.pref !== false)
    .map((r) => ({ userId: r.userId, email: r.email }));
}
