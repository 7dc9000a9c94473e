// "Instance A" for tests/integration/live-cross-instance.test.ts: its own process on the same Postgres
// (and Redis), it books a slot as the practice's owner and runs the worker that publishes the hint.
import { and, eq } from "drizzle-orm";
import { BOOKING_EVENT_TYPES, createBooking, registerBookingHandlers } from "@/lib/bookings";
import { findTenantBySlug } from "@/lib/catalogue";
import { closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { closeLiveUpdates, startWorker } from "@/lib/events";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main() {
  registerBookingHandlers();
  const worker = startWorker({ types: [...BOOKING_EVENT_TYPES], pollMs: 100 });
  const tenant = await withSystem("test instance loads the practice", (tx) =>
    findTenantBySlug(tx, env("SLUG")),
  );
  if (!tenant) throw new Error("no practice");
  const owner = env("OWNER_ID");
  const { booking } = await withTenant(
    { kind: "member", userId: owner, tenantId: tenant.id, role: "owner" },
    (tx) =>
      createBooking(
        tx,
        tenant,
        {
          serviceId: env("SERVICE_ID"),
          start: new Date(env("START")),
          staffId: env("STAFF_ID"),
          customerId: env("CUSTOMER_ID"),
          source: "dashboard",
          holdForConfirmation: false,
          publicOnly: false,
        },
        `staff:${owner}`,
      ),
  );
  process.stdout.write(`${booking.id}\n`);
  for (;;) {
    const [row] = await withSystem("test instance waits for its event", (tx) =>
      tx
        .select({ status: tables.outbox.status })
        .from(tables.outbox)
        .where(
          and(
            eq(tables.outbox.tenantId, tenant.id),
            eq(tables.outbox.subjectId, booking.id),
            // The booking also has scheduled rows (reminders, thank-you) that are not due yet.
            eq(tables.outbox.type, "booking.created"),
          ),
        ),
    );
    if (row?.status === "done") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await worker.stop();
  await closeLiveUpdates();
  await closeDatabase();
  process.exit(0);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
