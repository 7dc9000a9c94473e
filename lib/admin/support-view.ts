/**
 * "View as support" (`bookings.view_as_support`): a platform admin reads one practice's bookings,
 * read-only, after giving a reason. Every opening (each page) is written to the practice's audit_log
 * (`support.viewed_bookings`, with the reason and the admin) and to the platform log, in the same
 * transaction as the read: no entry, no data.
 *
 * The matrix gives platform admins no access to customers, so a row carries the customer's name (to
 * find the booking a practice asks about) but no email, phone or notes.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { BookingStatus } from "@/lib/db";
import { tables, withSystem } from "@/lib/db";
import { confirmAdminInTx, type PlatformAdmin } from "./access";
import { SupportViewFields } from "./fields";
import { parseInput } from "./input";
import { auditAdminAction } from "./platform-log";
import { findPractice, type PracticeStatus } from "./practices";

const { bookings, staffMembers, customers } = tables;

export const SUPPORT_PAGE_SIZE = 50;

export type SupportBookingRow = {
  id: string;
  startAt: Date;
  endAt: Date;
  status: BookingStatus;
  serviceName: string;
  staffName: string;
  customerName: string;
  priceCents: number;
  currency: string;
  source: string;
  createdAt: Date;
};

export type SupportView = {
  practice: { id: string; slug: string; name: string; status: PracticeStatus; timeZone: string };
  rows: SupportBookingRow[];
  total: number;
  page: number;
  pageSize: number;
};

export async function viewBookingsAsSupport(
  admin: PlatformAdmin,
  tenantId: string,
  raw: unknown,
  ip: string | null = null,
): Promise<SupportView> {
  const { reason, page } = parseInput(SupportViewFields, raw);
  return withSystem(
    "platform admin views a practice's bookings as support (checked: platform admin with MFA; audited)",
    async (tx) => {
      await confirmAdminInTx(tx, admin);
      const practice = await findPractice(tx, tenantId);
      await auditAdminAction(tx, admin, {
        action: "support.viewed_bookings",
        tenant: practice,
        details: { reason, page },
        ip,
      });
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(bookings)
        .where(eq(bookings.tenantId, practice.id));
      const rows = await tx
        .select({
          id: bookings.id,
          startAt: bookings.startAt,
          endAt: bookings.endAt,
          status: bookings.status,
          serviceName: bookings.serviceName,
          staffName: staffMembers.displayName,
          customerName: customers.name,
          priceCents: bookings.priceCents,
          currency: bookings.currency,
          source: bookings.source,
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
        )
        .where(eq(bookings.tenantId, practice.id))
        .orderBy(desc(bookings.startAt), bookings.id)
        .limit(SUPPORT_PAGE_SIZE)
        .offset((page - 1) * SUPPORT_PAGE_SIZE);
      return {
        practice,
        rows,
        total: count?.n ?? 0,
        page,
        pageSize: SUPPORT_PAGE_SIZE,
      };
    },
  );
}
