/**
 * Every platform admin action is written twice, in the same transaction as the action: to the
 * platform's log (platform_audit_log, readable by platform admins only) and to the practice's own
 * audit_log, where its owners and managers see who acted on their practice and why.
 */
import { desc } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { type Tx, tables, withTenant } from "@/lib/db";
import type { PlatformAdmin } from "./access";

const { platformAuditLog } = tables;

export const PLATFORM_ACTIONS = [
  "tenant.suspended",
  "tenant.reactivated",
  "support.viewed_bookings",
  "jobs.retried",
  "jobs.discarded",
] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/** Appends to both logs. `details` should carry the reason; the admin's email is added for the owner. */
export async function auditAdminAction(
  tx: Tx,
  admin: PlatformAdmin,
  entry: {
    action: PlatformAction;
    tenant: { id: string; slug: string; name: string };
    details: Record<string, unknown>;
    ip?: string | null;
  },
): Promise<void> {
  // The practice's readers cannot see the admin's user row (not a colleague), so name them here.
  const details = { ...entry.details, admin: admin.email };
  await recordAudit(tx, {
    tenantId: entry.tenant.id,
    actorUserId: admin.userId,
    action: entry.action,
    targetType: "tenant",
    targetId: entry.tenant.id,
    details,
    ip: entry.ip ?? null,
  });
  await tx.insert(platformAuditLog).values({
    actorUserId: admin.userId,
    action: entry.action,
    targetTenantId: entry.tenant.id,
    details: { ...details, practice: { slug: entry.tenant.slug, name: entry.tenant.name } },
    ip: entry.ip ?? null,
  });
}

export type PlatformLogEntry = {
  id: number;
  createdAt: Date;
  action: string;
  actorUserId: string;
  targetTenantId: string | null;
  practiceName: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

/**
 * The newest entries, read as the admin themself: the table's policy admits platform admins only, so
 * this needs no bypass (the caller's PlatformAdmin also proves MFA, which SQL cannot see).
 */
export function listPlatformLog(admin: PlatformAdmin, limit = 50): Promise<PlatformLogEntry[]> {
  return withTenant({ kind: "user", userId: admin.userId }, async (tx) => {
    const rows = await tx
      .select({
        id: platformAuditLog.id,
        createdAt: platformAuditLog.createdAt,
        action: platformAuditLog.action,
        actorUserId: platformAuditLog.actorUserId,
        targetTenantId: platformAuditLog.targetTenantId,
        details: platformAuditLog.details,
        ip: platformAuditLog.ip,
      })
      .from(platformAuditLog)
      .orderBy(desc(platformAuditLog.id))
      .limit(Math.min(Math.max(limit, 1), 200));
    // Names come from the details as written (the admin cannot read practices through RLS).
    return rows.map((row) => {
      const practice = row.details.practice as { name?: unknown } | undefined;
      return { ...row, practiceName: typeof practice?.name === "string" ? practice.name : null };
    });
  });
}
