/** The practice's customers: search, detail with booking history, create and edit. */
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { assertCan } from "@/lib/auth";
import { isUniqueViolation, type Tx, tables, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { enqueue } from "@/lib/events";
import { type MemberActor, parseFields, requireTeam, visibleStaffIds } from "./access";
import { CustomerFields } from "./fields";

const { customers, bookings, staffMembers } = tables;

/**
 * `customer.created` / `customer.updated` in the caller's transaction (webhooks, calendar sync and the
 * like follow customers through these). The payload names the customer, not their details.
 */
export async function emitCustomerEvent(
  tx: Tx,
  type: "customer.created" | "customer.updated",
  tenantId: string,
  customerId: string,
  actor: "customer" | "staff" | "system",
): Promise<void> {
  await enqueue(tx, {
    tenantId,
    type,
    subjectId: customerId,
    dedupeKey:
      type === "customer.created" ? `${type}:${customerId}` : `${type}:${customerId}:${crypto.randomUUID()}`,
    payload: { customer_id: customerId, actor },
  });
}

export type CustomerRow = { id: string; name: string; email: string; phone: string | null; notes: string };

/** `%`, `_` and `\` typed into a search box are literal characters, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function customerSearch(query: string): SQL | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return or(
    ilike(customers.name, pattern),
    sql`${customers.email}::text ilike ${pattern}`,
    ilike(customers.phone, pattern),
  );
}

export async function listCustomers(
  actor: MemberActor,
  options: { query?: string; page?: number; pageSize?: number } = {},
): Promise<{ rows: CustomerRow[]; total: number }> {
  requireTeam(actor);
  const pageSize = Math.min(Math.max(options.pageSize ?? 25, 1), 100);
  const page = Math.max(options.page ?? 1, 1);
  const where = and(eq(customers.tenantId, actor.tenantId), customerSearch(options.query ?? ""));
  return withTenant(actor, async (tx) => {
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
    const rows = await tx
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        notes: customers.notes,
      })
      .from(customers)
      .where(where)
      .orderBy(asc(customers.name), asc(customers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { rows, total: count?.n ?? 0 };
  });
}

export type CustomerHistoryRow = {
  id: string;
  startAt: Date;
  status: string;
  serviceName: string;
  staffName: string;
  priceCents: number;
  currency: string;
};

/** A customer and their bookings; staff see only the bookings in their own diary. */
export async function getCustomer(
  actor: MemberActor,
  customerId: string,
): Promise<{ customer: CustomerRow; history: CustomerHistoryRow[] }> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const [customer] = await tx
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        notes: customers.notes,
      })
      .from(customers)
      .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, customerId)));
    if (!customer) throw new NotFound("Customer not found");
    const visible = await visibleStaffIds(tx, actor);
    if (visible && !visible.length) return { customer, history: [] };
    const history = await tx
      .select({
        id: bookings.id,
        startAt: bookings.startAt,
        status: bookings.status,
        serviceName: bookings.serviceName,
        staffName: staffMembers.displayName,
        priceCents: bookings.priceCents,
        currency: bookings.currency,
      })
      .from(bookings)
      .innerJoin(
        staffMembers,
        and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
      )
      .where(
        and(
          eq(bookings.tenantId, actor.tenantId),
          eq(bookings.customerId, customerId),
          visible ? inArray(bookings.staffId, visible) : undefined,
        ),
      )
      .orderBy(desc(bookings.startAt))
      .limit(200);
    return { customer, history };
  });
}

const emailTaken = () =>
  new ValidationFailed("Some fields need attention.", [
    { field: "email", message: "Another customer already has this email address" },
  ]);

function columns(input: CustomerFields) {
  return { name: input.name, email: input.email, phone: input.phone || null, notes: input.notes };
}

/**
 * Owners and managers add customers (the matrix's "all"; staff only view). Staff still book walk-ins:
 * the desk's booking adds the customer with the booking.
 */
export async function createCustomer(actor: MemberActor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, "customers.manage");
  const input = parseFields(CustomerFields, raw);
  try {
    return await withTenant(actor, async (tx) => {
      const [row] = await tx
        .insert(customers)
        .values({ tenantId: actor.tenantId, ...columns(input) })
        .returning({ id: customers.id });
      if (!row) throw new Error("customer insert returned no row");
      await emitCustomerEvent(tx, "customer.created", actor.tenantId, row.id, "staff");
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function updateCustomer(actor: MemberActor, customerId: string, raw: unknown): Promise<void> {
  assertCan(actor, "customers.manage");
  const input = parseFields(CustomerFields, raw);
  try {
    await withTenant(actor, async (tx) => {
      const updated = await tx
        .update(customers)
        .set(columns(input))
        .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, customerId)))
        .returning({ id: customers.id });
      if (!updated.length) throw new NotFound("Customer not found");
      await emitCustomerEvent(tx, "customer.updated", actor.tenantId, customerId, "staff");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
