import { randomUUID } from "node:crypto";
import { tables, withSystem } from "@/lib/db";
import type { TestSchedule } from "./schedule";

let slot = 0;

/** A booking written straight into the table (no engine), for tests about what happens to it after. */
export async function insertBooking(
  schedule: TestSchedule,
  options: {
    staffIndex?: number;
    priceCents?: number;
    currency?: string;
    status?: "pending" | "confirmed" | "cancelled" | "completed" | "no_show";
    start?: Date;
    amountDueCents?: number;
  } = {},
): Promise<{ id: string; staffId: string; customerId: string }> {
  const id = randomUUID();
  const staffId = schedule.staffIds[options.staffIndex ?? 0] ?? "";
  const start = options.start ?? new Date(Date.now() + 7 * 86_400_000 + slot++ * 2 * 3_600_000);
  const end = new Date(start.getTime() + 3_600_000);
  await withSystem("test inserts a booking", (tx) =>
    tx.insert(tables.bookings).values({
      tenantId: schedule.tenantId,
      id,
      serviceId: schedule.serviceId,
      staffId,
      customerId: schedule.customerId,
      status: options.status ?? "confirmed",
      startAt: start,
      endAt: end,
      serviceName: "Massage",
      durationMinutes: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      priceCents: options.priceCents ?? 6000,
      currency: options.currency ?? "GBP",
      amountDueCents: options.amountDueCents ?? 0,
      blockedFrom: start,
      blockedUntil: end,
      sessionKey: id,
      manageTokenHash: Buffer.from(id),
    }),
  );
  return { id, staffId, customerId: schedule.customerId };
}
