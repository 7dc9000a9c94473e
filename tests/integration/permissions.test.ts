import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  AREAS,
  assertCan,
  can,
  MATRIX,
  PERMISSION_ROLES,
  type PermissionRole,
  publishBookingPage,
} from "@/lib/auth";
import { closeDatabase, withSystem, withTenant } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import {
  changeMemberRole,
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

// The issue's table, verbatim. The data in lib/auth/permissions.ts must say exactly this.
const ISSUE_TABLE = `
| Role | Bookings | Customers | Services, staff, hours | Team and roles | Settings, billing, API keys | Reports |
|---|---|---|---|---|---|---|
| Customer | own only | own profile | view public | — | — | — |
| Staff | create; view and change own | view | view | — | — | own |
| Manager | all in tenant | all | manage | invite staff | view | all |
| Owner | all in tenant | all | manage | manage all, transfer ownership | manage | all |
| Platform admin | via an audited "view as support" | — | — | — | suspend tenants | platform |
`;

function parseTable(markdown: string): string[][] {
  return markdown
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("|---"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

/**
 * What each role may do, written out from the issue's words independently of the implementation:
 * every action not listed for a role must be refused.
 */
const ALLOWED: Record<PermissionRole, Action[]> = {
  customer: [
    "bookings.view_own",
    "bookings.change_own",
    "customers.view_own_profile",
    "customers.edit_own_profile",
    "catalogue.view_public",
  ],
  staff: [
    "bookings.create",
    "bookings.view_own",
    "bookings.change_own",
    "customers.view",
    "catalogue.view_public",
    "catalogue.view",
    "reports.view_own",
  ],
  manager: [
    "bookings.create",
    "bookings.view_own",
    "bookings.change_own",
    "bookings.view_all",
    "bookings.change_all",
    "customers.view",
    "customers.manage",
    "catalogue.view_public",
    "catalogue.view",
    "catalogue.manage",
    "team.invite_staff",
    "settings.view",
    "settings.api_keys",
    "audit.view",
    "reports.view_own",
    "reports.view_all",
  ],
  owner: [
    "bookings.create",
    "bookings.view_own",
    "bookings.change_own",
    "bookings.view_all",
    "bookings.change_all",
    "customers.view",
    "customers.manage",
    "catalogue.view_public",
    "catalogue.view",
    "catalogue.manage",
    "team.invite_staff",
    "team.invite_manager",
    "team.change_roles",
    "team.remove_members",
    "team.transfer_ownership",
    "settings.view",
    "settings.manage",
    "settings.api_keys",
    "audit.view",
    "jobs.manage",
    "reports.view_own",
    "reports.view_all",
  ],
  platform_admin: ["bookings.view_as_support", "tenants.suspend", "reports.view_platform"],
};

const ROLE_ROWS: Record<string, PermissionRole> = {
  Customer: "customer",
  Staff: "staff",
  Manager: "manager",
  Owner: "owner",
  "Platform admin": "platform_admin",
};

describe("the permission matrix as data", () => {
  const [header, ...rows] = parseTable(ISSUE_TABLE);

  it("has the issue's columns, in order", () => {
    expect(header?.slice(1)).toEqual(Object.values(AREAS));
  });

  it.each(rows.map((r) => [r[0] ?? "", r] as const))("row %s has the issue's cells", (name, row) => {
    const role = ROLE_ROWS[name];
    expect(role, name).toBeDefined();
    if (!role) return;
    const labels = Object.keys(AREAS).map((area) => MATRIX[role][area as keyof typeof AREAS].label);
    expect(labels).toEqual(row.slice(1));
  });

  it("a cell grants only actions of its own column", () => {
    // The audit log, background jobs and suspending practices sit with settings; every other action
    // names its column.
    const column = (action: Action) => {
      const prefix = action.split(".")[0] ?? "";
      return ["audit", "jobs", "tenants"].includes(prefix) ? "settings" : prefix;
    };
    for (const role of PERMISSION_ROLES) {
      for (const [area, cell] of Object.entries(MATRIX[role])) {
        for (const action of cell.actions) expect(column(action), `${role}: ${action}`).toBe(area);
      }
    }
  });
});

describe("can(role, action): every cell", () => {
  const cases = PERMISSION_ROLES.flatMap((role) =>
    (Object.keys(ACTIONS) as Action[]).map(
      (action) => [role, action, ALLOWED[role].includes(action)] as const,
    ),
  );
  it.each(cases)("%s → %s is %s", (role, action, expected) => {
    expect(can(role, action)).toBe(expected);
  });

  it("assertCan refuses anyone who is not a member of the practice", () => {
    expect(() => assertCan({ kind: "anon" }, "catalogue.view")).toThrow(Forbidden);
    expect(() => assertCan({ kind: "user", userId: crypto.randomUUID() }, "bookings.view_own")).toThrow(
      Forbidden,
    );
    const owner = {
      kind: "member",
      userId: crypto.randomUUID(),
      tenantId: crypto.randomUUID(),
      role: "owner",
    };
    expect(() => assertCan(owner as never, "team.change_roles")).not.toThrow();
    expect(() => assertCan({ ...owner, role: "manager" } as never, "team.change_roles")).toThrow(
      /not allowed to change team members' roles/,
    );
  });
});

describe("the write paths, through the real lib functions", () => {
  let practice: TestPractice;
  let manager: Awaited<ReturnType<typeof addMember>>;
  let staff: Awaited<ReturnType<typeof addMember>>;
  const email = () => `${unique("invitee")}@example.test`;

  beforeAll(async () => {
    practice = await createPractice();
    manager = await addMember(practice.tenantId, "manager");
    staff = await addMember(practice.tenantId, "staff");
  });

  it("staff cannot invite anyone, nor see the team or the audit log", async () => {
    await expect(inviteMember(staff.actor, { email: email(), role: "staff" })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(inviteMember(staff.actor, { email: email(), role: "manager" })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(listTeam(staff.actor)).rejects.toBeInstanceOf(Forbidden);
    await expect(queryAudit(staff.actor, {})).rejects.toBeInstanceOf(Forbidden);
  });

  it("a manager invites staff but not managers, and manages only staff invitations", async () => {
    await expect(inviteMember(manager.actor, { email: email(), role: "manager" })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const { invitationId } = await inviteMember(manager.actor, { email: email(), role: "staff" });
    await resendInvitation(manager.actor, invitationId);
    await revokeInvitation(manager.actor, invitationId);
    const ownersInvite = await inviteMember(practice.owner.actor, { email: email(), role: "manager" });
    await expect(resendInvitation(manager.actor, ownersInvite.invitationId)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(revokeInvitation(manager.actor, ownersInvite.invitationId)).rejects.toBeInstanceOf(
      Forbidden,
    );
    expect((await queryAudit(manager.actor, { action: "team." })).entries.length).toBeGreaterThan(0);
  });

  it("a manager cannot change roles, remove members, transfer ownership or publish", async () => {
    await expect(
      changeMemberRole(manager.actor, { userId: staff.userId, role: "manager" }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(removeMember(manager.actor, staff.userId)).rejects.toBeInstanceOf(Forbidden);
    await expect(transferOwnership(manager.actor, manager.userId)).rejects.toBeInstanceOf(Forbidden);
    await expect(publishBookingPage(manager.actor)).rejects.toBeInstanceOf(Forbidden);
    await expect(
      changeMemberRole(staff.actor, { userId: staff.userId, role: "owner" }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it("the owner invites managers and changes roles", async () => {
    await inviteMember(practice.owner.actor, { email: email(), role: "manager" });
    const someone = await addMember(practice.tenantId, "staff");
    await changeMemberRole(practice.owner.actor, { userId: someone.userId, role: "manager" });
    const team = await listTeam(practice.owner.actor);
    expect(team.members.find((m) => m.userId === someone.userId)?.role).toBe("manager");
  });

  it("RLS refuses the same writes even past the lib", async () => {
    const insertInvite = (actor: typeof staff.actor, role: string) =>
      withTenant(actor, (tx) =>
        tx.execute(sql`insert into public.invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
          values (${practice.tenantId}, ${email()}, ${role}, sha256(gen_random_uuid()::text::bytea),
                  ${actor.userId}, now() + interval '1 day')`),
      ).then(
        () => "inserted",
        () => "refused",
      );
    expect(await insertInvite(staff.actor, "staff")).toBe("refused");
    expect(await insertInvite(manager.actor, "manager")).toBe("refused");
    expect(await insertInvite(manager.actor, "staff")).toBe("inserted");
    expect(await insertInvite(practice.owner.actor, "manager")).toBe("inserted");

    const promoted = await withTenant(manager.actor, (tx) =>
      tx.execute(sql`update public.memberships set role = 'owner'
                     where tenant_id = ${practice.tenantId} and user_id = ${manager.userId} returning 1`),
    );
    expect(promoted.rows).toHaveLength(0);
    // The invitation's token digest is not readable by API roles, even the owner's.
    await expect(
      withTenant(practice.owner.actor, (tx) => tx.execute(sql`select token_hash from public.invitations`)),
    ).rejects.toThrow();
  });

  it("the last owner can be neither demoted nor removed — in the lib and in the database", async () => {
    const solo = await createPractice();
    const { actor, userId } = solo.owner;
    await expect(changeMemberRole(actor, { userId, role: "manager" })).rejects.toThrow(/at least one owner/);
    await expect(removeMember(actor, userId)).rejects.toThrow(/at least one owner/);
    await expect(
      withTenant(actor, (tx) =>
        tx.execute(sql`update public.memberships set role = 'manager'
                       where tenant_id = ${solo.tenantId} and user_id = ${userId}`),
      ),
    ).rejects.toThrow();
    await expect(
      withSystem("test deletes the only owner", (tx) =>
        tx.execute(
          sql`delete from public.memberships where tenant_id = ${solo.tenantId} and user_id = ${userId}`,
        ),
      ),
    ).rejects.toThrow();
    const owners = await withSystem("test counts owners", (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from public.memberships
                                    where tenant_id = ${solo.tenantId} and role = 'owner'`),
    );
    expect(owners.rows[0]?.n).toBe(1);
  });
});
