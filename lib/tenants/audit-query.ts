/**
 * Reading the audit log: newest first, filtered by actor, action and a date range in the practice's
 * time zone, a page at a time (keyset on the id, so later entries never shift a page). Runs as the
 * member: RLS lets owners and managers read, matching the "view settings" column of the matrix.
 */
import { and, asc, desc, eq, gt, gte, like, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { assertCan } from "@/lib/auth";
import { LocalDate } from "@/lib/dates";
import { type Actor, tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";

const { auditLog, users, tenants } = tables;

/** Empty form fields mean "no filter". */
const blank = (v: unknown) => (v === "" ? undefined : v);

export const AuditQuery = z
  .object({
    actor: z.preprocess(blank, z.uuid("Choose a person from the list").optional()),
    // An exact action ("team.role_changed") or a family ending in a dot ("team.").
    action: z.preprocess(
      blank,
      z
        .string()
        .max(100)
        .regex(/^[a-z0-9_.]+$/, "Choose an action from the list")
        .optional(),
    ),
    from: z.preprocess(blank, LocalDate.optional()),
    to: z.preprocess(blank, LocalDate.optional()),
    before: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    /** The API's `ending_before`: the entries just newer than this id. */
    after: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "End before the start" });
export type AuditQuery = z.infer<typeof AuditQuery>;

export type AuditLogRow = {
  id: number;
  createdAt: Date;
  action: string;
  actorUserId: string | null;
  /** Null for someone no longer on the team (their name is not ours to read any more). */
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

export type AuditPage = { entries: AuditLogRow[]; nextBefore: number | null; hasMore: boolean };

export const AUDIT_PAGE_SIZE = 50;

export async function queryAudit(
  actor: Actor,
  query: AuditQuery,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  assertCan(actor, "audit.view");
  return withTenant(actor, async (tx) => {
    const [tenant] = await tx
      .select({ timeZone: tenants.timeZone })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId));
    if (!tenant) throw new NotFound("Practice not found");
    const startOf = (day: string) => DateTime.fromISO(day, { zone: tenant.timeZone }).startOf("day");
    const conditions = [
      eq(auditLog.tenantId, actor.tenantId),
      query.actor ? eq(auditLog.actorUserId, query.actor) : undefined,
      query.action?.endsWith(".")
        ? like(auditLog.action, `${query.action.replaceAll("_", "\\_")}%`)
        : query.action
          ? eq(auditLog.action, query.action)
          : undefined,
      query.from ? gte(auditLog.createdAt, startOf(query.from).toJSDate()) : undefined,
      query.to ? lt(auditLog.createdAt, startOf(query.to).plus({ days: 1 }).toJSDate()) : undefined,
      query.before ? lt(auditLog.id, query.before) : undefined,
      query.after ? gt(auditLog.id, query.after) : undefined,
    ];
    const rows = await tx
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(...conditions))
      .orderBy(query.after ? asc(auditLog.id) : desc(auditLog.id))
      .limit(pageSize + 1);
    const hasMore = rows.length > pageSize;
    const entries = rows.slice(0, pageSize);
    if (query.after) entries.reverse();
    return { entries, nextBefore: hasMore && !query.after ? (entries.at(-1)?.id ?? null) : null, hasMore };
  });
}

/** The choices for the filter form: who appears in the log, and which actions occur. */
export async function auditFilterOptions(actor: Actor) {
  assertCan(actor, "audit.view");
  return withTenant(actor, async (tx) => {
    const actors = await tx
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .where(eq(auditLog.tenantId, actor.tenantId))
      .orderBy(users.name, users.id);
    const actions = await tx
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.tenantId, actor.tenantId))
      .orderBy(auditLog.action);
    return { actors, actions: actions.map((a) => a.action) };
  });
}
