/**
 * The team as it is: who is on it, role changes, removals and ownership transfer (owners only). Each
 * change locks the practice row first, so two owners demoting each other at once cannot leave the
 * practice without one; the commit-time trigger memberships_keep_an_owner backs this up.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { assertCan, endSessionsInPractice, TEAM_ROLES, type TeamRole } from "@/lib/auth";
import { type Actor, pgError, type Tx, tables, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import type { RoleChangeInput } from "../fields";

const { invitations, memberships, users } = tables;

type MemberActor = Extract<Actor, { kind: "member" }>;
type Options = { ip?: string | null; now?: Date };

export type TeamMember = { userId: string; name: string; email: string; role: TeamRole; since: Date };
export type PendingInvitation = {
  id: string;
  email: string;
  role: "manager" | "staff";
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
};
export type TeamOverview = { members: TeamMember[]; invitations: PendingInvitation[] };

/** Owners and managers see the team and the open invitations (managers need them to invite staff). */
export async function listTeam(actor: Actor, options: Options = {}): Promise<TeamOverview> {
  assertCan(actor, "team.invite_staff");
  const now = options.now ?? new Date();
  return withTenant(actor, async (tx) => {
    const members = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, actor.tenantId), inArray(memberships.role, TEAM_ROLES)))
      .orderBy(
        sql`case ${memberships.role} when 'owner' then 0 when 'manager' then 1 else 2 end`,
        asc(users.name),
      );
    const open = await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        sentAt: invitations.sentAt,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(and(eq(invitations.tenantId, actor.tenantId), eq(invitations.status, "pending")))
      .orderBy(desc(invitations.sentAt));
    return {
      members: members as TeamMember[],
      invitations: open.map((i) => ({ ...i, expired: i.expiresAt <= now })),
    };
  });
}

const LAST_OWNER = "A practice needs at least one owner. Make someone else an owner first.";

/** Locks the practice row and returns the member's current team role (NotFound for anyone else). */
async function lockedMember(tx: Tx, actor: MemberActor, userId: string): Promise<TeamRole> {
  await tx.execute(sql`select id from public.tenants where id = ${actor.tenantId} for update`);
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, actor.tenantId),
        eq(memberships.userId, userId),
        inArray(memberships.role, TEAM_ROLES),
      ),
    );
  if (!row) throw new NotFound("Team member not found");
  return row.role as TeamRole;
}

async function assertAnotherOwner(tx: Tx, actor: MemberActor, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, actor.tenantId),
        eq(memberships.role, "owner"),
        sql`${memberships.userId} <> ${userId}`,
      ),
    );
  if (!row || row.n < 1) throw new ValidationFailed(LAST_OWNER, [{ field: "role", message: LAST_OWNER }]);
}

/** The commit-time trigger's refusal, in the same words as the lib's own check. */
function lastOwnerError(error: unknown): never {
  if (pgError(error)?.constraint === "memberships_keep_an_owner") {
    throw new ValidationFailed(LAST_OWNER, [{ field: "role", message: LAST_OWNER }]);
  }
  throw error;
}

function audit(
  tx: Tx,
  actor: MemberActor,
  action: string,
  userId: string,
  details: object,
  ip?: string | null,
) {
  return recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action,
    targetType: "user",
    targetId: userId,
    details: details as Record<string, unknown>,
    ip,
  });
}

export async function changeMemberRole(actor: Actor, input: RoleChangeInput, options: Options = {}) {
  assertCan(actor, "team.change_roles");
  await withTenant(actor, async (tx) => {
    const from = await lockedMember(tx, actor, input.userId);
    if (from === input.role) return false;
    if (from === "owner") await assertAnotherOwner(tx, actor, input.userId);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, input.userId)));
    await audit(tx, actor, "team.role_changed", input.userId, { from, to: input.role }, options.ip);
    return true;
  })
    .catch(lastOwnerError)
    .then((changed) => (changed ? endSessionsInPractice([input.userId], actor.tenantId) : 0));
}

export async function removeMember(actor: Actor, userId: string, options: Options = {}) {
  assertCan(actor, "team.remove_members");
  await withTenant(actor, async (tx) => {
    const role = await lockedMember(tx, actor, userId);
    if (role === "owner") await assertAnotherOwner(tx, actor, userId);
    const [gone] = await tx
      .delete(memberships)
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, userId)))
      .returning({ userId: memberships.userId });
    if (!gone) throw new NotFound("Team member not found");
    await audit(tx, actor, "team.member_removed", userId, { role }, options.ip);
  }).catch(lastOwnerError);
  await endSessionsInPractice([userId], actor.tenantId);
}

/** The new owner is promoted, then the current one becomes a manager, in one transaction. */
export async function transferOwnership(actor: Actor, toUserId: string, options: Options = {}) {
  assertCan(actor, "team.transfer_ownership");
  if (toUserId === actor.userId) {
    throw new ValidationFailed("Choose someone else", [{ field: "userId", message: "Choose someone else" }]);
  }
  await withTenant(actor, async (tx) => {
    const from = await lockedMember(tx, actor, toUserId);
    const where = (userId: string) =>
      and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, userId));
    await tx.update(memberships).set({ role: "owner" }).where(where(toUserId));
    await tx.update(memberships).set({ role: "manager" }).where(where(actor.userId));
    await audit(tx, actor, "team.ownership_transferred", toUserId, { previous_role: from }, options.ip);
  }).catch(lastOwnerError);
  // Both roles changed; the owner who handed over signs in again too.
  await endSessionsInPractice([toUserId, actor.userId], actor.tenantId);
}
