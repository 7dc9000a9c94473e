import { randomUUID } from "node:crypto";
import { tables, withSystem } from "@/lib/db";

export type TestSchedule = {
  tenantId: string;
  staffIds: string[];
  serviceId: string;
  groupServiceId: string;
  roomServiceId: string;
  resourceTypeId: string;
  resourceIds: string[];
  customerId: string;
};

/**
 * A practice's catalogue for tests: `staffCount` people working every day 00:00–24:00 in the tenant's
 * zone (so any future time is inside hours), a 60-min one-to-one service, a 60-min class of
 * `groupCapacity`, and a 30-min service needing one of `roomCount` rooms.
 */
export async function createSchedule(
  tenantId: string,
  options: {
    staffCount?: number;
    groupCapacity?: number;
    roomCount?: number;
    minNoticeMinutes?: number;
  } = {},
): Promise<TestSchedule> {
  const { staffCount = 2, groupCapacity = 3, roomCount = 1, minNoticeMinutes = 0 } = options;
  return withSystem("test factory creates a schedule", async (tx) => {
    const staffIds = Array.from({ length: staffCount }, () => randomUUID());
    await tx
      .insert(tables.staffMembers)
      .values(staffIds.map((id, i) => ({ tenantId, id, displayName: `Staff ${i + 1}` })));
    await tx.insert(tables.workingHours).values(
      staffIds.flatMap((staffId) =>
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          tenantId,
          staffId,
          weekday,
          startTime: "00:00",
          endTime: "00:00",
        })),
      ),
    );
    const resourceTypeId = randomUUID();
    await tx.insert(tables.resourceTypes).values({ tenantId, id: resourceTypeId, name: "treatment room" });
    const resourceIds = Array.from({ length: roomCount }, () => randomUUID());
    await tx
      .insert(tables.resources)
      .values(resourceIds.map((id, i) => ({ tenantId, id, typeId: resourceTypeId, name: `Room ${i + 1}` })));
    const base = {
      tenantId,
      currency: "GBP",
      minNoticeMinutes,
      maxDaysInAdvance: 60,
      slotIntervalMinutes: 15,
    };
    const serviceId = randomUUID();
    const groupServiceId = randomUUID();
    const roomServiceId = randomUUID();
    await tx.insert(tables.services).values([
      {
        ...base,
        id: serviceId,
        name: "Massage",
        durationMinutes: 60,
        priceCents: 6000,
        bufferAfterMinutes: 15,
      },
      {
        ...base,
        id: groupServiceId,
        name: "Yoga class",
        durationMinutes: 60,
        priceCents: 1500,
        capacity: groupCapacity,
      },
      { ...base, id: roomServiceId, name: "Facial", durationMinutes: 30, priceCents: 4000, resourceTypeId },
    ]);
    await tx
      .insert(tables.serviceStaff)
      .values(
        [serviceId, groupServiceId, roomServiceId].flatMap((sid) =>
          staffIds.map((staffId) => ({ tenantId, serviceId: sid, staffId })),
        ),
      );
    const customerId = randomUUID();
    await tx
      .insert(tables.customers)
      .values({ tenantId, id: customerId, name: "Pat Client", email: `${customerId}@example.test` });
    return {
      tenantId,
      staffIds,
      serviceId,
      groupServiceId,
      roomServiceId,
      resourceTypeId,
      resourceIds,
      customerId,
    };
  });
}
