import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth";
import { type Actor, tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { type NotificationSettings, NotificationSettingsFields } from "./fields";

type MemberActor = Extract<Actor, { kind: "member" }>;
const { tenants } = tables;

const columns = {
  address: tenants.address,
  customerNote: tenants.customerNote,
  reminderOffsetsMinutes: tenants.reminderOffsetsMinutes,
  smsReminders: tenants.smsReminders,
  thankYouEnabled: tenants.thankYouEnabled,
  confirmationWindowMinutes: tenants.confirmationWindowMinutes,
};

export async function getNotificationSettings(actor: MemberActor): Promise<NotificationSettings> {
  assertCan(actor, "settings.view");
  const [row] = await withTenant(actor, (tx) =>
    tx.select(columns).from(tenants).where(eq(tenants.id, actor.tenantId)),
  );
  if (!row) throw new NotFound("Practice not found");
  return row;
}

/** Reminder offsets apply to bookings made or changed from now on; planned reminders stay as they are. */
export async function updateNotificationSettings(
  actor: MemberActor,
  input: unknown,
  ip?: string | null,
): Promise<NotificationSettings> {
  assertCan(actor, "settings.manage");
  const values = NotificationSettingsFields.parse(input);
  return withTenant(actor, async (tx) => {
    const [after] = await tx
      .update(tenants)
      .set({ ...values, reminderOffsetsMinutes: [...values.reminderOffsetsMinutes].sort((a, b) => b - a) })
      .where(eq(tenants.id, actor.tenantId))
      .returning(columns);
    if (!after) throw new NotFound("Practice not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "tenant.notification_settings_updated",
      targetType: "tenant",
      targetId: actor.tenantId,
      details: { after },
      ip,
    });
    return after;
  });
}
