import { and, eq } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";
import { manageTokenFor } from "./manage-token";

const { bookings, tenants, staffMembers, customers, services } = tables;

/** Everything a message about one booking says, read fresh when the message is sent. */
export type BookingForMessage = {
  id: string;
  tenantId: string;
  status: string;
  sequence: number;
  startAt: Date;
  endAt: Date;
  confirmBy: Date | null;
  serviceName: string;
  serviceDescription: string;
  staffName: string;
  staffUserId: string | null;
  customerTimeZone: string | null;
  cancelReason: string | null;
  customer: { id: string; name: string; email: string; phone: string | null };
  practice: {
    slug: string;
    name: string;
    timeZone: string;
    address: string;
    customerNote: string;
    reminderOffsetsMinutes: number[];
    smsReminders: boolean;
    thankYouEnabled: boolean;
  };
  /** The token for the manage link; null for a booking made before tokens were derived. */
  manageToken: string | null;
};

export async function bookingForMessage(
  tx: Tx,
  tenantId: string,
  bookingId: string,
): Promise<BookingForMessage | null> {
  const [row] = await tx
    .select({
      b: bookings,
      staffName: staffMembers.displayName,
      staffUserId: staffMembers.userId,
      description: services.description,
      customer: { id: customers.id, name: customers.name, email: customers.email, phone: customers.phone },
      practice: {
        slug: tenants.slug,
        name: tenants.name,
        timeZone: tenants.timeZone,
        address: tenants.address,
        customerNote: tenants.customerNote,
        reminderOffsetsMinutes: tenants.reminderOffsetsMinutes,
        smsReminders: tenants.smsReminders,
        thankYouEnabled: tenants.thankYouEnabled,
      },
    })
    .from(bookings)
    .innerJoin(tenants, eq(tenants.id, bookings.tenantId))
    .innerJoin(
      staffMembers,
      and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
    )
    .innerJoin(
      customers,
      and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
    )
    .leftJoin(services, and(eq(services.tenantId, bookings.tenantId), eq(services.id, bookings.serviceId)))
    .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)));
  if (!row) return null;
  const { b } = row;
  return {
    id: b.id,
    tenantId: b.tenantId,
    status: b.status,
    sequence: b.sequence,
    startAt: b.startAt,
    endAt: b.endAt,
    confirmBy: b.confirmBy,
    serviceName: b.serviceName,
    serviceDescription: row.description ?? "",
    staffName: row.staffName,
    staffUserId: row.staffUserId,
    customerTimeZone: b.customerTimeZone,
    cancelReason: b.cancelReason,
    customer: row.customer,
    practice: row.practice,
    manageToken: manageTokenFor(b.id, b.manageTokenHash),
  };
}
