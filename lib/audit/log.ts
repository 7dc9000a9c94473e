import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { tables } from "@/lib/db";

export type AuditEntry = {
  tenantId: string;
  actorUserId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the tenant's audit log inside the caller's transaction, so it commits with the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(tables.auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}

/**
 * An event about a person rather than a practice (login, MFA, password, email): it goes into the audit
 * log of every practice where they are on the team, since each owner answers for their own staff.
 */
export async function recordAuditForUser(
  tx: Tx,
  userId: string,
  entry: Omit<AuditEntry, "tenantId" | "actorUserId"> & { actorUserId?: string | null },
): Promise<void> {
  const { memberships } = tables;
  const rows = await tx
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, ["owner", "manager", "staff"])));
  const actorUserId = entry.actorUserId === undefined ? userId : entry.actorUserId;
  for (const { tenantId } of rows) {
    await recordAudit(tx, { targetType: "user", targetId: userId, ...entry, tenantId, actorUserId });
  }
}
