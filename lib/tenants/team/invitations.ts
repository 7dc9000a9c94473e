/**
 * The practice's team: invitations (7-day single-use links; owners invite anyone, managers staff
 * only), role changes, removals and ownership transfer. Writes run as the member under RLS, which
 * enforces the same matrix (lib/auth/permissions.ts). Changes apply on the member's next request:
 * memberships are re-read on every request. A practice always keeps an owner (here, and at commit).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import {
  assertCan,
  hashPassword,
  hashToken,
  INVALID_LINK,
  INVITATION_TTL_MS,
  NewPassword,
  newToken,
  TEAM_ROLES,
  type TeamRole,
  throttleMail,
  throttleTokenUse,
} from "@/lib/auth";
import type { InvitableRole } from "@/lib/db";
import { type Actor, isUniqueViolation, type Tx, tables, withSystem, withTenant } from "@/lib/db";
import { DomainError, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { logger } from "@/lib/observability";
import type { InviteInput } from "../fields";
import { PersonName } from "../fields";
import { sendInvitationMail } from "./mail";

const { invitations, memberships, users, tenants } = tables;

type Options = { ip?: string | null; now?: Date };
type MemberActor = Extract<Actor, { kind: "member" }>;

function fieldError(field: string, message: string): ValidationFailed {
  return new ValidationFailed(message, [{ field, message }]);
}

const ALREADY_INVITED = "This address has an open invitation already: resend or revoke it below";

function audit(
  tx: Tx,
  actor: MemberActor,
  action: string,
  invitationId: string,
  details: object,
  ip?: string | null,
) {
  return recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action,
    targetType: "invitation",
    targetId: invitationId,
    details: details as Record<string, unknown>,
    ip,
  });
}

/** Sends after commit; if the mail fails the invitation stays and the error says to resend. */
async function mailOrExplain(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (err) {
    logger.error({ err }, "invitation mail failed");
    throw new DomainError(
      "The invitation is saved, but the email could not be sent. Use “Resend” to try again.",
    );
  }
}

export async function inviteMember(actor: Actor, input: InviteInput, options: Options = {}) {
  assertCan(actor, input.role === "manager" ? "team.invite_manager" : "team.invite_staff");
  const now = options.now ?? new Date();
  const { token, hash } = newToken();
  const invitation = await withTenant(actor, async (tx) => {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, actor.tenantId),
          eq(users.email, input.email),
          inArray(memberships.role, TEAM_ROLES),
        ),
      );
    if (member) throw fieldError("email", "This person is on the team already");
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, actor.tenantId),
          eq(invitations.email, input.email),
          eq(invitations.status, "pending"),
        ),
      );
    if (open) throw fieldError("email", ALREADY_INVITED);
    const [row] = await tx
      .insert(invitations)
      .values({
        tenantId: actor.tenantId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedBy: actor.userId,
        createdAt: now,
        sentAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning({ id: invitations.id });
    if (!row) throw new Error("invitation insert returned no row");
    await audit(tx, actor, "team.invitation_created", row.id, input, options.ip);
    return { id: row.id, ...(await mailContext(tx, actor)) };
  }).catch((error: unknown) => {
    // Two invitations racing for one address: the partial unique index decides.
    if (isUniqueViolation(error, "invitations_one_pending_key")) throw fieldError("email", ALREADY_INVITED);
    throw error;
  });
  await mailOrExplain(() =>
    sendInvitationMail({ ...invitation, to: input.email, role: input.role, token, tenantId: actor.tenantId }),
  );
  return { invitationId: invitation.id };
}

async function mailContext(tx: Tx, actor: MemberActor) {
  const [row] = await tx
    .select({ practice: tenants.name, inviter: users.name })
    .from(tenants)
    .innerJoin(users, eq(users.id, actor.userId))
    .where(eq(tenants.id, actor.tenantId));
  if (!row) throw new NotFound("Practice not found");
  return row;
}

/** An open invitation the actor may act on: managers only touch staff invitations. */
async function openInvitation(tx: Tx, actor: MemberActor, invitationId: string) {
  const [row] = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
    })
    .from(invitations)
    .where(and(eq(invitations.tenantId, actor.tenantId), eq(invitations.id, invitationId)));
  if (!row) throw new NotFound("Invitation not found");
  if (row.role === "manager") assertCan(actor, "team.invite_manager");
  if (row.status !== "pending") throw new ValidationFailed(`This invitation was ${row.status} already.`);
  return row;
}

/** A new link (the old one stops working) and seven more days. */
export async function resendInvitation(actor: Actor, invitationId: string, options: Options = {}) {
  assertCan(actor, "team.invite_staff");
  const now = options.now ?? new Date();
  const { token, hash } = newToken();
  const sent = await withTenant(actor, async (tx) => {
    const row = await openInvitation(tx, actor, invitationId);
    // Only after the invitation proved to be this practice's, and keyed by practice: another
    // practice's attempts are 404s and cannot spend this practice's quota.
    await throttleMail("invite", `${actor.tenantId}:${invitationId}`);
    await tx
      .update(invitations)
      .set({ tokenHash: hash, sentAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .where(and(eq(invitations.tenantId, actor.tenantId), eq(invitations.id, invitationId)));
    await audit(tx, actor, "team.invitation_resent", row.id, { email: row.email }, options.ip);
    return { ...row, ...(await mailContext(tx, actor)) };
  });
  await mailOrExplain(() => sendInvitationMail({ ...sent, to: sent.email, token, tenantId: actor.tenantId }));
}

export async function revokeInvitation(actor: Actor, invitationId: string, options: Options = {}) {
  assertCan(actor, "team.invite_staff");
  const now = options.now ?? new Date();
  await withTenant(actor, async (tx) => {
    const row = await openInvitation(tx, actor, invitationId);
    await tx
      .update(invitations)
      .set({ status: "revoked", revokedAt: now })
      .where(and(eq(invitations.tenantId, actor.tenantId), eq(invitations.id, invitationId)));
    await audit(tx, actor, "team.invitation_revoked", row.id, { email: row.email }, options.ip);
  });
}

export type InvitationView = { practice: string; email: string; role: InvitableRole; accountExists: boolean };

/** What the invitation page shows; an unknown, used, revoked or expired link is a NotFound. */
export async function describeInvitation(token: string, options: Options = {}): Promise<InvitationView> {
  const now = options.now ?? new Date();
  return throttleTokenUse(options.ip, () =>
    withSystem("show an invitation to its holder", async (tx) => {
      const [row] = await tx
        .select({
          practice: tenants.name,
          email: invitations.email,
          role: invitations.role,
          accountExists: sql<boolean>`exists (select 1 from public.users u where u.email = ${invitations.email})`,
        })
        .from(invitations)
        .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
        .where(liveInvitation(token, now));
      if (!row) throw new NotFound(INVALID_LINK);
      return row;
    }),
  );
}

function liveInvitation(token: string, now: Date) {
  return and(
    eq(invitations.tokenHash, hashToken(token)),
    eq(invitations.status, "pending"),
    sql`${invitations.expiresAt} > ${now.toISOString()}::timestamptz`,
    sql`${invitations.tenantId} in (select id from public.tenants where status = 'active')`,
  );
}

export const NewMemberInput = z.object({ name: PersonName, password: NewPassword });
export type Acceptance =
  | ({ kind: "new" } & z.infer<typeof NewMemberInput>)
  | { kind: "existing"; userId: string };

/**
 * Uses the link: a new person gets an account (the link verified their address); an existing account
 * must be the signed-in user with the invited address. No session comes of it: the caller sends the
 * new member to the login page.
 */
export async function acceptInvitation(token: string, acceptance: Acceptance, options: Options = {}) {
  const now = options.now ?? new Date();
  const passwordHash = acceptance.kind === "new" ? await hashPassword(acceptance.password) : null;
  return throttleTokenUse(options.ip, () =>
    withSystem("accept an invitation", async (tx) => {
      const [invitation] = await tx
        .update(invitations)
        .set({ status: "accepted", acceptedAt: now })
        .where(liveInvitation(token, now))
        .returning({
          tenantId: invitations.tenantId,
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
        });
      if (!invitation) throw new NotFound(INVALID_LINK);
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, invitation.email));
      let userId: string;
      if (acceptance.kind === "new") {
        if (existing)
          throw fieldError(
            "form",
            `An account for ${invitation.email} exists: log in as it, then open the link again.`,
          );
        const [created] = await tx
          .insert(users)
          .values({ email: invitation.email, name: acceptance.name, passwordHash, emailVerifiedAt: now })
          .returning({ id: users.id });
        if (!created) throw new Error("user insert returned no row");
        userId = created.id;
      } else {
        if (existing?.id !== acceptance.userId) {
          throw new Forbidden(
            `This invitation is for ${invitation.email}. Log in with that address to accept it.`,
          );
        }
        userId = existing.id;
      }
      // A customer of the practice may join its team; someone on the team already cannot join twice.
      const [membership] = await tx
        .insert(memberships)
        .values({ tenantId: invitation.tenantId, userId, role: invitation.role })
        .onConflictDoUpdate({
          target: [memberships.tenantId, memberships.userId],
          set: { role: invitation.role },
          setWhere: eq(memberships.role, "customer"),
        })
        .returning({ role: memberships.role });
      if (!membership) throw fieldError("form", "You are on this practice's team already.");
      await tx
        .update(invitations)
        .set({ acceptedUserId: userId })
        .where(and(eq(invitations.tenantId, invitation.tenantId), eq(invitations.id, invitation.id)));
      await recordAudit(tx, {
        tenantId: invitation.tenantId,
        actorUserId: userId,
        action: "team.invitation_accepted",
        targetType: "invitation",
        targetId: invitation.id,
        details: { email: invitation.email, role: invitation.role },
        ip: options.ip,
      });
      return { tenantId: invitation.tenantId, userId, email: invitation.email };
    }),
  );
}

export { InviteInput, RoleChangeInput } from "../fields";
export type { TeamMember, TeamOverview } from "./members";
export { changeMemberRole, listTeam, removeMember, transferOwnership } from "./members";
export type { TeamRole };
