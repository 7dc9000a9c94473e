import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, resolveSession } from "@/lib/auth";
import { closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { listDevMailbox } from "@/lib/mail";
import {
  acceptInvitation,
  changeMemberRole,
  describeInvitation,
  InviteInput,
  inviteMember,
  listTeam,
  queryAudit,
  removeMember,
  resendInvitation,
  revokeInvitation,
  transferOwnership,
} from "@/lib/tenants";
import { addMember, createPractice, type TestPractice, unique } from "../support/factory";

afterAll(closeDatabase);

const DAY = 86_400_000;
/** A fresh client address per use: the per-IP token limit may live in Redis across runs. */
const freshIp = () => `10.${[...randomBytes(3)].join(".")}`;

/** The token in the newest invitation mail to `email` (dev mailbox: SMTP_URL is unset here). */
async function invitationToken(email: string): Promise<string> {
  const [mail] = await listDevMailbox({ to: email, limit: 1 });
  expect(mail?.tag).toBe("team.invitation");
  const token = /\/invite\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error("no invitation link");
  return token;
}

async function roleOf(tenantId: string, userId: string): Promise<string | null> {
  const [row] = await withSystem("test reads a membership", (tx) =>
    tx
      .select({ role: tables.memberships.role })
      .from(tables.memberships)
      .where(and(eq(tables.memberships.tenantId, tenantId), eq(tables.memberships.userId, userId))),
  );
  return row?.role ?? null;
}

let practice: TestPractice;
beforeAll(async () => {
  practice = await createPractice();
});

describe("invitations", () => {
  it("a new person accepts with name and password; the account is verified, has no session, the link is spent", async () => {
    const email = `${unique("new")}@example.test`;
    // The boundary's schema normalises the address, as the form's action does.
    await inviteMember(
      practice.owner.actor,
      InviteInput.parse({ email: ` ${email.toUpperCase()} `, role: "manager" }),
    );
    const token = await invitationToken(email);
    const ip = freshIp();
    expect(await describeInvitation(token, { ip })).toEqual({
      practice: `Practice ${practice.slug}`,
      email,
      role: "manager",
      accountExists: false,
    });
    const accepted = await acceptInvitation(
      token,
      { kind: "new", name: "Nia New", password: "a quiet river at dawn" },
      { ip },
    );
    expect(await roleOf(practice.tenantId, accepted.userId)).toBe("manager");
    const [user] = await withSystem("test reads the user", (tx) =>
      tx.select().from(tables.users).where(eq(tables.users.id, accepted.userId)),
    );
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    const sessions = await withSystem("test counts sessions", (tx) =>
      tx.select().from(tables.userSessions).where(eq(tables.userSessions.userId, accepted.userId)),
    );
    expect(sessions).toEqual([]);
    await expect(
      acceptInvitation(token, { kind: "new", name: "Again", password: "a quiet river at dawn" }, { ip }),
    ).rejects.toBeInstanceOf(NotFound);
    const audit = await queryAudit(practice.owner.actor, { action: "team." });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["team.invitation_created", "team.invitation_accepted"]),
    );
  });

  it("an existing account joins only as itself (the signed-in user with the invited address)", async () => {
    const other = await createPractice();
    const email = other.owner.email;
    await inviteMember(practice.owner.actor, { email, role: "staff" });
    const token = await invitationToken(email);
    const ip = freshIp();
    expect((await describeInvitation(token, { ip })).accountExists).toBe(true);
    const stranger = await addMember(other.tenantId, "staff");
    await expect(
      acceptInvitation(token, { kind: "existing", userId: stranger.userId }, { ip }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      acceptInvitation(token, { kind: "new", name: "Impostor", password: "a quiet river at dawn" }, { ip }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await acceptInvitation(token, { kind: "existing", userId: other.owner.userId }, { ip });
    expect(await roleOf(practice.tenantId, other.owner.userId)).toBe("staff");
    expect(await roleOf(other.tenantId, other.owner.userId)).toBe("owner");
  });

  it("resending issues a new link and kills the old one; revoking kills the link", async () => {
    const email = `${unique("resend")}@example.test`;
    const { invitationId } = await inviteMember(practice.owner.actor, { email, role: "staff" });
    const first = await invitationToken(email);
    await resendInvitation(practice.owner.actor, invitationId);
    const second = await invitationToken(email);
    expect(second).not.toBe(first);
    const ip = freshIp();
    await expect(describeInvitation(first, { ip })).rejects.toBeInstanceOf(NotFound);
    await describeInvitation(second, { ip });

    await revokeInvitation(practice.owner.actor, invitationId);
    await expect(describeInvitation(second, { ip })).rejects.toBeInstanceOf(NotFound);
    await expect(revokeInvitation(practice.owner.actor, invitationId)).rejects.toBeInstanceOf(
      ValidationFailed,
    );
    expect((await listTeam(practice.owner.actor)).invitations.map((i) => i.id)).not.toContain(invitationId);
  });

  it("a link expires after 7 days; resending gives 7 more", async () => {
    const email = `${unique("late")}@example.test`;
    const t0 = new Date();
    const { invitationId } = await inviteMember(practice.owner.actor, { email, role: "staff" }, { now: t0 });
    const token = await invitationToken(email);
    const ip = freshIp();
    const late = new Date(t0.getTime() + 7 * DAY + 60_000);
    await expect(describeInvitation(token, { ip, now: late })).rejects.toBeInstanceOf(NotFound);
    await expect(
      acceptInvitation(
        token,
        { kind: "new", name: "Late", password: "a quiet river at dawn" },
        { ip, now: late },
      ),
    ).rejects.toBeInstanceOf(NotFound);
    const listed = await listTeam(practice.owner.actor, { now: late });
    expect(listed.invitations.find((i) => i.id === invitationId)?.expired).toBe(true);

    await resendInvitation(practice.owner.actor, invitationId, { now: late });
    const fresh = await invitationToken(email);
    await acceptInvitation(
      fresh,
      { kind: "new", name: "Late", password: "a quiet river at dawn" },
      { ip, now: late },
    );
  });

  it("refuses inviting a team member or an address with an open invitation, as field errors", async () => {
    const staff = await addMember(practice.tenantId, "staff");
    await expect(
      inviteMember(practice.owner.actor, { email: staff.email, role: "staff" }),
    ).rejects.toMatchObject({
      errors: [{ field: "email", message: "This person is on the team already" }],
    });
    const email = `${unique("twice")}@example.test`;
    await inviteMember(practice.owner.actor, { email, role: "staff" });
    await expect(inviteMember(practice.owner.actor, { email, role: "manager" })).rejects.toMatchObject({
      errors: [{ field: "email" }],
    });
  });
});

describe("roles, removals and ownership", () => {
  it("role changes and removals end the member's sessions there: the next request signs in afresh", async () => {
    const member = await addMember(practice.tenantId, "staff");
    const session = await createSession(member.userId, practice.tenantId, { ip: "192.0.2.1" });
    expect((await resolveSession(session.token))?.membership?.role).toBe("staff");

    // The session token rotates: the old one ends, the next sign-in carries the new role.
    await changeMemberRole(practice.owner.actor, { userId: member.userId, role: "manager" });
    expect(await resolveSession(session.token)).toBeNull();
    const again = await createSession(member.userId, practice.tenantId, { ip: "192.0.2.1" });
    expect((await resolveSession(again.token))?.membership?.role).toBe("manager");

    await removeMember(practice.owner.actor, member.userId);
    expect(await resolveSession(again.token)).toBeNull();
    const afterRemoval = await createSession(member.userId, practice.tenantId, { ip: "192.0.2.1" });
    expect((await resolveSession(afterRemoval.token))?.membership).toBeNull();
    const actions = (
      await queryAudit(practice.owner.actor, { actor: practice.owner.userId, action: "team." })
    ).entries
      .filter((e) => e.targetId === member.userId)
      .map((e) => [e.action, e.details]);
    expect(actions).toEqual([
      ["team.member_removed", { role: "manager" }],
      ["team.role_changed", { from: "staff", to: "manager" }],
    ]);
  });

  it("the owner transfers ownership: the other becomes owner, the owner a manager", async () => {
    const p = await createPractice();
    const heir = await addMember(p.tenantId, "manager");
    await transferOwnership(p.owner.actor, heir.userId);
    expect(await roleOf(p.tenantId, heir.userId)).toBe("owner");
    expect(await roleOf(p.tenantId, p.owner.userId)).toBe("manager");
    // The former owner's next request is a manager's: no more role changes.
    await expect(
      changeMemberRole({ ...p.owner.actor, role: "manager" }, { userId: heir.userId, role: "staff" }),
    ).rejects.toBeInstanceOf(Forbidden);
    // With two owners one may step down; the last may not.
    const heirAsOwner = { ...heir.actor, role: "owner" as const };
    await changeMemberRole(heirAsOwner, { userId: p.owner.userId, role: "owner" });
    await changeMemberRole(heirAsOwner, { userId: heir.userId, role: "staff" });
    await expect(removeMember(p.owner.actor, p.owner.userId)).rejects.toThrow(/at least one owner/);
  });

  it("a customer of the practice is not on the team and cannot be managed here", async () => {
    const customer = await addMember(practice.tenantId, "customer");
    expect((await listTeam(practice.owner.actor)).members.map((m) => m.userId)).not.toContain(
      customer.userId,
    );
    await expect(removeMember(practice.owner.actor, customer.userId)).rejects.toBeInstanceOf(NotFound);
  });

  it("another practice's member is invisible (404), never changed", async () => {
    const other = await createPractice();
    const theirs = await addMember(other.tenantId, "staff");
    await expect(
      changeMemberRole(practice.owner.actor, { userId: theirs.userId, role: "owner" }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await roleOf(other.tenantId, theirs.userId)).toBe("staff");
  });
});

describe("audit viewer", () => {
  it("filters by actor, action family and dates, and pages by id", async () => {
    const p = await createPractice();
    const manager = await addMember(p.tenantId, "manager");
    for (let i = 0; i < 5; i++)
      await inviteMember(manager.actor, { email: `${unique("a")}@example.test`, role: "staff" });
    const page1 = await queryAudit(p.owner.actor, { actor: manager.userId }, 2);
    expect(page1.entries).toHaveLength(2);
    expect(page1.entries.every((e) => e.actorName === "A manager")).toBe(true);
    const page2 = await queryAudit(
      p.owner.actor,
      { actor: manager.userId, before: page1.nextBefore ?? 0 },
      2,
    );
    const page3 = await queryAudit(
      p.owner.actor,
      { actor: manager.userId, before: page2.nextBefore ?? 0 },
      2,
    );
    expect(page3.entries).toHaveLength(1);
    expect(page3.nextBefore).toBeNull();
    const ids = [...page1.entries, ...page2.entries, ...page3.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    expect((await queryAudit(p.owner.actor, { action: "tenant.created" })).entries).toHaveLength(1);
    expect((await queryAudit(p.owner.actor, { action: "team." })).entries).toHaveLength(5);
    const later = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    expect((await queryAudit(p.owner.actor, { from: later })).entries).toHaveLength(0);
    expect((await queryAudit(p.owner.actor, { to: "2020-01-01" })).entries).toHaveLength(0);
    expect((await queryAudit(p.owner.actor, { from: "2020-01-01", to: later })).entries.length).toBe(6);
    // Managers may read it (the "view" of the settings column); RLS agrees.
    expect((await queryAudit(manager.actor, {})).entries.length).toBe(6);
  });
});

describe.runIf(process.env.DATABASE_URL)("two owners demoting each other at once (real Postgres)", () => {
  it("leaves exactly one owner: the tenant lock serialises them and the second sees the first", async () => {
    const p = await createPractice();
    const second = await addMember(p.tenantId, "owner");
    const results = await Promise.allSettled([
      changeMemberRole(p.owner.actor, { userId: second.userId, role: "manager" }),
      changeMemberRole(second.actor, { userId: p.owner.userId, role: "manager" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await withTenant(p.owner.actor, (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from public.memberships where tenant_id = ${p.tenantId} and role = 'owner'`,
      ),
    );
    expect(owners.rows[0]?.n).toBe(1);
  });
});
