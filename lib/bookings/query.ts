/**
 * The dashboard's bookings list and its CSV export: filters by local date range (the practice's zone),
 * status, staff, service and customer text; staff see only their own diary.
 */
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { customerSearch, loadTenant, type MemberActor, parseFields, visibleStaffIds } from "@/lib/catalogue";
import { LocalDate, minorToDecimal } from "@/lib/catalogue/fields";
import { BOOKING_STATUSES, type Tx, tables, withTenant } from "@/lib/db";
import { keysetPage, type ListPage, type PageParams } from "@/lib/pagination";
import { addDays, formatLocal, localToInstant } from "@/lib/scheduling";
import { toCsv } from "./csv";

const { bookings, customers, staffMembers } = tables;

const optional = <S extends z.ZodType>(schema: S) => z.union([z.literal(""), schema]).default("");

/** Query-string filters (every value a string, "" for any). */
export const BookingFilters = z
  .object({
    from: optional(LocalDate),
    to: optional(LocalDate),
    status: optional(z.enum(BOOKING_STATUSES, "Choose a status from the list")),
    staffId: optional(z.uuid("Choose a staff member from the list")),
    serviceId: optional(z.uuid("Choose a service from the list")),
    customer: z.string().trim().max(120, "Use at most 120 characters").default(""),
    page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  })
  .refine((f) => !f.from || !f.to || f.to >= f.from, {
    path: ["to"],
    message: "The end is before the start",
  });
export type BookingFilters = z.infer<typeof BookingFilters>;

export type BookingListRow = {
  id: string;
  startAt: Date;
  endAt: Date;
  status: (typeof BOOKING_STATUSES)[number];
  serviceName: string;
  staffId: string;
  staffName: string;
  customerId: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  priceCents: number;
  currency: string;
  source: string;
  notes: string;
  holdExpiresAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
};

export const PAGE_SIZE = 25;
/** A CSV beyond this is a job for the API, not a browser download. */
export const EXPORT_LIMIT = 20_000;

type Scoped =
  | { timeZone: string; scope: SQL | undefined; where: SQL | undefined }
  | { timeZone: string; none: true };

/** The diary the actor may see (`scope`) and, within it, the rows the filters match (`where`). */
async function scoped(tx: Tx, actor: MemberActor, filters: BookingFilters): Promise<Scoped> {
  const tenant = await loadTenant(tx, actor.tenantId);
  const visible = await visibleStaffIds(tx, actor);
  if (visible && !visible.length) return { timeZone: tenant.timeZone, none: true };
  const scope = and(
    eq(bookings.tenantId, actor.tenantId),
    visible ? inArray(bookings.staffId, visible) : undefined,
  );
  const where = and(
    scope,
    filters.from
      ? gte(bookings.startAt, new Date(localToInstant(tenant.timeZone, filters.from, 0)))
      : undefined,
    filters.to
      ? lt(bookings.startAt, new Date(localToInstant(tenant.timeZone, addDays(filters.to, 1), 0)))
      : undefined,
    filters.status ? eq(bookings.status, filters.status) : undefined,
    filters.staffId ? eq(bookings.staffId, filters.staffId) : undefined,
    filters.serviceId ? eq(bookings.serviceId, filters.serviceId) : undefined,
    customerSearch(filters.customer),
  );
  return { timeZone: tenant.timeZone, scope, where };
}

/** Bookings with their staff member's and customer's names. */
function joined(tx: Tx) {
  return tx
    .select({
      id: bookings.id,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      status: bookings.status,
      serviceName: bookings.serviceName,
      staffId: bookings.staffId,
      staffName: staffMembers.displayName,
      customerId: bookings.customerId,
      customerName: customers.name,
      customerEmail: customers.email,
      customerPhone: customers.phone,
      priceCents: bookings.priceCents,
      currency: bookings.currency,
      source: bookings.source,
      notes: bookings.notes,
      holdExpiresAt: bookings.holdExpiresAt,
      cancelReason: bookings.cancelReason,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(
      staffMembers,
      and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
    )
    .innerJoin(
      customers,
      and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
    );
}

async function query(
  actor: MemberActor,
  raw: unknown,
  window: { limit: number; offset: number },
): Promise<{ rows: BookingListRow[]; total: number; timeZone: string }> {
  const filters = parseFields(BookingFilters, raw);
  return withTenant(actor, async (tx) => {
    const s = await scoped(tx, actor, filters);
    if ("none" in s) return { rows: [], total: 0, timeZone: s.timeZone };
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .innerJoin(
        customers,
        and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
      )
      .where(s.where);
    // Upcoming-first lists read naturally when a start date is chosen; otherwise newest first.
    const order = filters.from ? asc(bookings.startAt) : desc(bookings.startAt);
    const rows = await joined(tx)
      .where(s.where)
      .orderBy(order, asc(bookings.id))
      .limit(window.limit)
      .offset(window.offset);
    return { rows, total: count?.n ?? 0, timeZone: s.timeZone };
  });
}

/** The API's cursor pages over the same filters: newest created first, stable while bookings are added. */
export async function listBookingsPage(
  actor: MemberActor,
  raw: unknown,
  page: PageParams,
): Promise<ListPage<BookingListRow> & { timeZone: string }> {
  const filters = parseFields(BookingFilters, raw);
  return withTenant(actor, async (tx) => {
    const s = await scoped(tx, actor, filters);
    if ("none" in s) return { object: "list", data: [], hasMore: false, timeZone: s.timeZone };
    const keyset = {
      table: bookings,
      createdAt: bookings.createdAt,
      id: bookings.id,
      scope: s.scope,
      where: s.where,
    };
    const result = await keysetPage(tx, keyset, page, (where, orderBy, limit) =>
      joined(tx)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    );
    return { ...result, timeZone: s.timeZone };
  });
}

export async function listBookings(
  actor: MemberActor,
  raw: unknown,
): Promise<{ rows: BookingListRow[]; total: number; page: number; pageSize: number; timeZone: string }> {
  const page = parseFields(BookingFilters, raw).page;
  const result = await query(actor, raw, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { ...result, page, pageSize: PAGE_SIZE };
}

/** Every matching booking (up to EXPORT_LIMIT), for the CSV download. */
export async function exportBookings(
  actor: MemberActor,
  raw: unknown,
): Promise<{ rows: BookingListRow[]; total: number; timeZone: string }> {
  return query(actor, raw, { limit: EXPORT_LIMIT, offset: 0 });
}

const CSV_HEADER = [
  "Booking ID",
  "Date",
  "Start",
  "End",
  "Time zone",
  "Start (UTC)",
  "Status",
  "Service",
  "Staff",
  "Customer",
  "Email",
  "Phone",
  "Price",
  "Currency",
  "Source",
  "Notes",
  "Cancel reason",
  "Created (UTC)",
];

/** Local date and times in the practice's zone for people, the UTC instant for machines. */
export function bookingsToCsv(rows: readonly BookingListRow[], timeZone: string): string {
  return toCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.id,
      formatLocal(r.startAt.getTime(), timeZone, "yyyy-MM-dd"),
      formatLocal(r.startAt.getTime(), timeZone, "HH:mm"),
      formatLocal(r.endAt.getTime(), timeZone, "HH:mm"),
      timeZone,
      r.startAt,
      r.status,
      r.serviceName,
      r.staffName,
      r.customerName,
      r.customerEmail,
      r.customerPhone,
      minorToDecimal(r.priceCents, r.currency),
      r.currency,
      r.source,
      r.notes,
      r.cancelReason,
      r.createdAt,
    ]),
  );
}
