import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth";
import { type Actor, tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { TenantSettingsFields } from "./fields";

export const TenantSettingsInput = TenantSettingsFields;
export type TenantSettingsInput = TenantSettingsFields;

export type TenantSettings = TenantSettingsInput & { id: string; slug: string };

type MemberActor = Extract<Actor, { kind: "member" }>;

const settingsColumns = {
  name: tables.tenants.name,
  timeZone: tables.tenants.timeZone,
  currency: tables.tenants.currency,
  holdMinutes: tables.tenants.holdMinutes,
};
const withIdentity = { id: tables.tenants.id, slug: tables.tenants.slug, ...settingsColumns };

export async function getTenantSettings(actor: MemberActor): Promise<TenantSettings> {
  const [row] = await withTenant(actor, (tx) =>
    tx.select(withIdentity).from(tables.tenants).where(eq(tables.tenants.id, actor.tenantId)),
  );
  if (!row) throw new NotFound("Practice not found");
  return row;
}

/**
 * The settings as the Settings page and the API show them: whoever may view settings (owners and
 * managers). `getTenantSettings` stays open to the whole team, who need the practice's name and zone.
 */
export async function viewTenantSettings(actor: Actor): Promise<TenantSettings> {
  assertCan(actor, "settings.view");
  return getTenantSettings(actor);
}

/** Owners change the practice's name, zone, currency and hold time; RLS refuses anyone else. */
export async function updateTenantSettings(
  actor: MemberActor,
  input: TenantSettingsInput,
  ip?: string | null,
): Promise<TenantSettings> {
  assertCan(actor, "settings.manage");
  return withTenant(actor, async (tx) => {
    const [before] = await tx
      .select(settingsColumns)
      .from(tables.tenants)
      .where(eq(tables.tenants.id, actor.tenantId));
    const [after] = await tx
      .update(tables.tenants)
      .set({
        name: input.name,
        timeZone: input.timeZone,
        currency: input.currency,
        holdMinutes: input.holdMinutes,
      })
      .where(eq(tables.tenants.id, actor.tenantId))
      .returning(withIdentity);
    if (!before || !after) throw new NotFound("Practice not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "tenant.settings_updated",
      targetType: "tenant",
      targetId: actor.tenantId,
      details: { before, after: input },
      ip,
    });
    return after;
  });
}
