/** The people who take bookings: profiles, their link to a practice member, and their time zone. */
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { type Tx, tables, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { type MemberActor, parseFields, requireManager, requireTeam } from "./access";
import { StaffFields } from "./fields";

const { staffMembers, memberships, users } = tables;

export type StaffRow = {
  id: string;
  displayName: string;
  userId: string | null;
  userEmail: string | null;
  timeZone: string | null;
  isActive: boolean;
};

export async function listStaff(actor: MemberActor): Promise<StaffRow[]> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const rows = await tx
      .select({
        id: staffMembers.id,
        displayName: staffMembers.displayName,
        userId: staffMembers.userId,
        timeZone: staffMembers.timeZone,
        isActive: staffMembers.isActive,
      })
      .from(staffMembers)
      .where(eq(staffMembers.tenantId, actor.tenantId))
      .orderBy(asc(staffMembers.displayName));
    const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []));
    const emails = userIds.length
      ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds))
      : [];
    return rows.map((r) => ({ ...r, userEmail: emails.find((u) => u.id === r.userId)?.email ?? null }));
  });
}

export type MemberOption = { userId: string; name: string; email: string; role: string };

/** Members of the practice (not customers) who can be linked to a staff record. */
export async function listLinkableMembers(actor: MemberActor): Promise<MemberOption[]> {
  requireTeam(actor);
  return withTenant(actor, (tx) => linkableMembers(tx, actor.tenantId));
}

function linkableMembers(tx: Tx, tenantId: string): Promise<MemberOption[]> {
  return tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), ne(memberships.role, "customer")))
    .orderBy(asc(users.name));
}

export async function getStaffForm(
  actor: MemberActor,
  staffId: string,
): Promise<{ values: StaffFields; timeZone: string | null }> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .select()
      .from(staffMembers)
      .where(and(eq(staffMembers.tenantId, actor.tenantId), eq(staffMembers.id, staffId)));
    if (!row) throw new NotFound("Staff member not found");
    return {
      timeZone: row.timeZone,
      values: {
        displayName: row.displayName,
        userId: row.userId ?? "",
        timeZone: row.timeZone ?? "",
        isActive: row.isActive,
      },
    };
  });
}

/** A linked user must be a member of this practice, and linked to at most one staff record. */
async function checkLink(tx: Tx, tenantId: string, userId: string, exceptStaffId?: string) {
  const members = await linkableMembers(tx, tenantId);
  if (!members.some((m) => m.userId === userId)) {
    throw new ValidationFailed("Some fields need attention.", [
      { field: "userId", message: "Choose a member of this practice" },
    ]);
  }
  const [taken] = await tx
    .select({ id: staffMembers.id, name: staffMembers.displayName })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.tenantId, tenantId),
        eq(staffMembers.userId, userId),
        ...(exceptStaffId ? [ne(staffMembers.id, exceptStaffId)] : []),
      ),
    );
  if (taken) {
    throw new ValidationFailed("Some fields need attention.", [
      { field: "userId", message: `This person is already linked to ${taken.name}` },
    ]);
  }
}

function columns(input: StaffFields) {
  return {
    displayName: input.displayName,
    userId: input.userId || null,
    timeZone: input.timeZone || null,
    isActive: input.isActive,
  };
}

export async function createStaff(actor: MemberActor, raw: unknown): Promise<{ id: string }> {
  requireManager(actor);
  const input = parseFields(StaffFields, raw);
  return withTenant(actor, async (tx) => {
    if (input.userId) await checkLink(tx, actor.tenantId, input.userId);
    const [row] = await tx
      .insert(staffMembers)
      .values({ tenantId: actor.tenantId, ...columns(input) })
      .returning({ id: staffMembers.id });
    if (!row) throw new Error("staff insert returned no row");
    return row;
  });
}

export async function updateStaff(actor: MemberActor, staffId: string, raw: unknown): Promise<void> {
  requireManager(actor);
  const input = parseFields(StaffFields, raw);
  await withTenant(actor, async (tx) => {
    if (input.userId) await checkLink(tx, actor.tenantId, input.userId, staffId);
    const updated = await tx
      .update(staffMembers)
      .set(columns(input))
      .where(and(eq(staffMembers.tenantId, actor.tenantId), eq(staffMembers.id, staffId)))
      .returning({ id: staffMembers.id });
    if (!updated.length) throw new NotFound("Staff member not found");
  });
}
