/**
 * Practices as the platform sees them: the list, suspension and reactivation (`tenants.suspend`).
 * A suspended practice disappears for visitors (every anon policy goes through
 * private.active_tenant_ids(), and the public write path checks `status = 'active'`), and its team is
 * turned away from the dashboard and the API (lib/admin/suspension.ts). Nothing is deleted: reactivating
 * brings everything back as it was.
 */
import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { type Tx, tables, withSystem } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { forgetAvailability } from "@/lib/public-booking";
import { confirmAdminInTx, type PlatformAdmin } from "./access";
import { PracticeFilters, ReactivateFields, ReasonFields } from "./fields";
import { parseInput } from "./input";
import { auditAdminAction } from "./platform-log";

const { tenants, platformAuditLog } = tables;

export const PRACTICES_PAGE_SIZE = 50;

export type PracticeStatus = "active" | "suspended";

export type PracticeListRow = {
  id: string;
  name: string;
  slug: string;
  status: PracticeStatus;
  publishedAt: Date | null;
  createdAt: Date;
  /** The first owner's address (a practice always has at least one owner). */
  ownerEmail: string | null;
  /** Owners, managers and staff; customers are not counted. */
  memberCount: number;
  bookingCount: number;
  /** For a suspended practice: when and why (its latest suspension). */
  suspendedAt: Date | null;
  suspensionReason: string | null;
};

export type PracticeList = { rows: PracticeListRow[]; total: number; page: number; pageSize: number };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const latestSuspension = sql`(select l.id from public.platform_audit_log l
  where l.target_tenant_id = ${tenants.id} and l.action = 'tenant.suspended' order by l.id desc limit 1)`;

export async function listPractices(admin: PlatformAdmin, raw: unknown = {}): Promise<PracticeList> {
  const filters = parseInput(PracticeFilters, raw);
  return withSystem("platform admin lists every practice (checked: platform admin with MFA)", async (tx) => {
    await confirmAdminInTx(tx, admin);
    const pattern = `%${escapeLike(filters.q)}%`;
    const where = and(
      filters.status ? eq(tenants.status, filters.status) : undefined,
      filters.q ? or(ilike(tenants.name, pattern), ilike(tenants.slug, pattern)) : undefined,
    );
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(tenants)
      .where(where);
    const rows = await tx
      .select({
        id: tenants.id,
        name: tenants.name,
        slug: tenants.slug,
        status: tenants.status,
        publishedAt: tenants.publishedAt,
        createdAt: tenants.createdAt,
        ownerEmail: sql<string | null>`(select u.email::text from public.memberships m
          join public.users u on u.id = m.user_id
          where m.tenant_id = ${tenants.id} and m.role = 'owner' order by m.created_at, u.email limit 1)`,
        memberCount: sql<number>`(select count(*) from public.memberships m
          where m.tenant_id = ${tenants.id} and m.role <> 'customer')`.mapWith(Number),
        bookingCount: sql<number>`(select count(*) from public.bookings b
          where b.tenant_id = ${tenants.id})`.mapWith(Number),
        suspendedAt: platformAuditLog.createdAt,
        suspensionDetails: platformAuditLog.details,
      })
      .from(tenants)
      .leftJoin(
        platformAuditLog,
        and(eq(tenants.status, "suspended"), eq(platformAuditLog.id, latestSuspension)),
      )
      .where(where)
      .orderBy(desc(tenants.createdAt), tenants.id)
      .limit(PRACTICES_PAGE_SIZE)
      .offset((filters.page - 1) * PRACTICES_PAGE_SIZE);
    return {
      rows: rows.map(({ suspensionDetails, ...row }) => ({
        ...row,
        suspendedAt: row.status === "suspended" ? row.suspendedAt : null,
        suspensionReason:
          row.status === "suspended" && typeof suspensionDetails?.reason === "string"
            ? suspensionDetails.reason
            : null,
      })),
      total: count?.n ?? 0,
      page: filters.page,
      pageSize: PRACTICES_PAGE_SIZE,
    };
  });
}

export type PracticeSummary = { id: string; slug: string; name: string; status: PracticeStatus };

/** A malformed id names nothing: the same 404 as a missing practice. */
export function practiceId(raw: unknown): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw new NotFound("Practice not found");
  return parsed.data;
}

/** The practice (locked for a status change, so a concurrent suspend and reactivate run in turn). */
export async function findPractice(
  tx: Tx,
  tenantId: string,
  options: { lock?: boolean } = {},
): Promise<PracticeSummary & { timeZone: string }> {
  const query = tx
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      status: tenants.status,
      timeZone: tenants.timeZone,
    })
    .from(tenants)
    .where(eq(tenants.id, practiceId(tenantId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new NotFound("Practice not found");
  return row;
}

async function setStatus(
  admin: PlatformAdmin,
  tenantId: string,
  change: { to: PracticeStatus; details: Record<string, unknown>; ip: string | null },
): Promise<PracticeSummary> {
  const suspend = change.to === "suspended";
  const practice = await withSystem(
    suspend
      ? "platform admin suspends a practice (checked: platform admin with MFA; audited)"
      : "platform admin reactivates a practice (checked: platform admin with MFA; audited)",
    async (tx) => {
      await confirmAdminInTx(tx, admin);
      const { timeZone: _, ...found } = await findPractice(tx, tenantId, { lock: true });
      if (found.status === change.to) {
        throw new Conflict(
          suspend ? "This practice is already suspended." : "This practice is not suspended.",
        );
      }
      await tx.update(tenants).set({ status: change.to }).where(eq(tenants.id, found.id));
      await auditAdminAction(tx, admin, {
        action: suspend ? "tenant.suspended" : "tenant.reactivated",
        tenant: found,
        details: change.details,
        ip: change.ip,
      });
      return { ...found, status: change.to };
    },
  );
  // This process's cached availability answers go now; other processes' expire within seconds.
  forgetAvailability(practice.slug);
  return practice;
}

/** Suspends a practice with a required reason, written to both audit logs. */
export async function suspendPractice(
  admin: PlatformAdmin,
  tenantId: string,
  raw: unknown,
  ip: string | null = null,
): Promise<PracticeSummary> {
  const { reason } = parseInput(ReasonFields, raw);
  return setStatus(admin, tenantId, { to: "suspended", details: { reason }, ip });
}

/** Reactivates a suspended practice; a reason is optional (kept when given). */
export async function reactivatePractice(
  admin: PlatformAdmin,
  tenantId: string,
  raw: unknown = {},
  ip: string | null = null,
): Promise<PracticeSummary> {
  const { reason } = parseInput(ReactivateFields, raw);
  return setStatus(admin, tenantId, { to: "active", details: reason ? { reason } : {}, ip });
}
