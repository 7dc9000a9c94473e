import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { type Actor, tables, withTenant } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { MFA_POLICY_ROLES, type MfaPolicyInput, type MfaPolicyRole } from "../fields";

export { MFA_POLICY_ROLES, MfaPolicyInput, type MfaPolicyRole } from "../fields";

/**
 * A practice may require MFA for owners, managers and/or staff. Such a member without MFA is sent to
 * enrolment before anything else (SessionContext.mfa.enrolmentRequired, read fresh on every request).
 */

type MemberActor = Extract<Actor, { kind: "member" }>;

export async function getMfaPolicy(actor: MemberActor): Promise<MfaPolicyRole[]> {
  const [row] = await withTenant(actor, (tx) =>
    tx
      .select({ roles: tables.tenants.mfaRequiredRoles })
      .from(tables.tenants)
      .where(eq(tables.tenants.id, actor.tenantId)),
  );
  if (!row) throw new NotFound("Practice not found");
  return row.roles;
}

/** Owners only (RLS refuses anyone else too); the change is audited. */
export async function setMfaPolicy(
  actor: MemberActor,
  input: MfaPolicyInput,
  ip?: string | null,
): Promise<MfaPolicyRole[]> {
  if (actor.role !== "owner") throw new Forbidden("Only the practice owner can change this setting");
  const roles = MFA_POLICY_ROLES.filter((role) => input.roles.includes(role));
  return withTenant(actor, async (tx) => {
    const [before] = await tx
      .select({ roles: tables.tenants.mfaRequiredRoles })
      .from(tables.tenants)
      .where(eq(tables.tenants.id, actor.tenantId));
    const [after] = await tx
      .update(tables.tenants)
      .set({ mfaRequiredRoles: roles })
      .where(eq(tables.tenants.id, actor.tenantId))
      .returning({ roles: tables.tenants.mfaRequiredRoles });
    if (!before || !after) throw new NotFound("Practice not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "tenant.mfa_policy_updated",
      targetType: "tenant",
      targetId: actor.tenantId,
      details: { before: before.roles, after: after.roles },
      ip,
    });
    return after.roles;
  });
}
