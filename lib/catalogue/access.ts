/**
 * Who may do what in the dashboard, checked in lib before RLS has its say: owners and managers run the
 * catalogue and everyone's diary; staff read the catalogue and see and change only their own bookings
 * (bookings of a staff member whose `user_id` is theirs).
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { assertCan } from "@/lib/auth";
import { type Actor, type Tx, tables } from "@/lib/db";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http";
import type { TenantRecord } from "./load";

export type MemberActor = Extract<Actor, { kind: "member" }>;

export function canManage(actor: MemberActor): boolean {
  return actor.role === "owner" || actor.role === "manager";
}

/** The matrix's "manage" of services, staff and hours (owners and managers). */
export function requireManager(actor: MemberActor): void {
  assertCan(actor, "catalogue.manage");
}

export function requireTeam(actor: MemberActor): void {
  if (actor.role === "customer") throw new Forbidden("This is for the practice's team.");
}

/** The label stored in a booking's history for what this member (or API key) did. */
export function actorLabel(actor: MemberActor): string {
  return actor.apiKey ? `api_key:${actor.apiKey.id}` : `staff:${actor.userId}`;
}

/**
 * The staff members whose diary this actor may see: `null` means everyone's (owners, managers);
 * otherwise the staff records linked to the actor's user (possibly none).
 */
export async function visibleStaffIds(tx: Tx, actor: MemberActor): Promise<string[] | null> {
  requireTeam(actor);
  if (canManage(actor)) return null;
  const rows = await tx
    .select({ id: tables.staffMembers.id })
    .from(tables.staffMembers)
    .where(
      and(eq(tables.staffMembers.tenantId, actor.tenantId), eq(tables.staffMembers.userId, actor.userId)),
    );
  return rows.map((r) => r.id);
}

/** Refuses a staff member acting on someone else's diary; the same answer as a missing booking. */
export function assertOwnStaff(visible: string[] | null, staffId: string, what = "Booking"): void {
  if (visible && !visible.includes(staffId)) throw new NotFound(`${what} not found`);
}

/** Lib re-checks its input even after the action wrapper: a bad value is a field error, never a 500. */
export function parseFields<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationFailed("Some fields need attention.", zodFieldErrors(parsed.error));
  return parsed.data;
}

/** The actor's practice, as the booking lifecycle needs it. */
export async function loadTenant(tx: Tx, tenantId: string): Promise<TenantRecord> {
  const [row] = await tx
    .select({
      id: tables.tenants.id,
      slug: tables.tenants.slug,
      name: tables.tenants.name,
      timeZone: tables.tenants.timeZone,
      currency: tables.tenants.currency,
      holdMinutes: tables.tenants.holdMinutes,
      confirmationWindowMinutes: tables.tenants.confirmationWindowMinutes,
    })
    .from(tables.tenants)
    .where(eq(tables.tenants.id, tenantId));
  if (!row) throw new NotFound("Practice not found");
  return row;
}
