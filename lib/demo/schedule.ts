import { randomUUID } from "node:crypto";
import { createBooking, customerForGuest, loadAvailabilityInput } from "@/lib/bookings";
import { findService, type TenantRecord } from "@/lib/catalogue";
import { type Tx, tables } from "@/lib/db";
import { DAY, findSlots, localDateOf } from "@/lib/scheduling";

const WEEKDAYS = [1, 2, 3, 4, 5];

const CUSTOMERS = [
  ["Casey Morgan", "customer@demo.boka.test"],
  ["Alex Turner", "alex.turner@example.test"],
  ["Bea Lindqvist", "bea.lindqvist@example.test"],
  ["Chidi Okafor", "chidi.okafor@example.test"],
  ["Dana Whitfield", "dana.whitfield@example.test"],
  ["Emeka Obi", "emeka.obi@example.test"],
  ["Farah Haddad", "farah.haddad@example.test"],
  ["Georgia Pappas", "georgia.pappas@example.test"],
  ["Hiro Tanaka", "hiro.tanaka@example.test"],
  ["Isla McLeod", "isla.mcleod@example.test"],
] as const;

/** A small deterministic generator, so every fresh demo database looks alike. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The high bits: an LCG's low bits repeat with tiny periods (state % 4 would cycle every 4 calls).
    return Math.floor((state / 2_147_483_648) * n);
  };
}

/**
 * The demo practice's catalogue: 3 staff working Mon–Fri 09:00–17:00 (one also Sat 10:00–14:00),
 * 2 treatment rooms, 4 services, and about 30 bookings over the coming two weeks, placed through the
 * real booking path so they respect hours, buffers and rooms.
 */
export async function seedDemoSchedule(
  tx: Tx,
  tenant: TenantRecord,
  staffUserId: string | null,
): Promise<number> {
  const t = tenant.id;
  const staff = [
    { id: randomUUID(), displayName: "Sam Rivers", userId: staffUserId },
    { id: randomUUID(), displayName: "Priya Shah", userId: null },
    { id: randomUUID(), displayName: "Tom Baker", userId: null },
  ];
  await tx.insert(tables.staffMembers).values(staff.map((s) => ({ tenantId: t, ...s })));
  const hours = staff.flatMap((s) =>
    WEEKDAYS.map((weekday) => ({
      tenantId: t,
      staffId: s.id,
      weekday,
      startTime: "09:00",
      endTime: "17:00",
    })),
  );
  const saturday = staff[1];
  if (saturday)
    hours.push({ tenantId: t, staffId: saturday.id, weekday: 6, startTime: "10:00", endTime: "14:00" });
  await tx.insert(tables.workingHours).values(hours);

  const roomType = randomUUID();
  await tx.insert(tables.resourceTypes).values({ tenantId: t, id: roomType, name: "treatment room" });
  await tx.insert(tables.resources).values([
    { tenantId: t, typeId: roomType, name: "Room 1" },
    { tenantId: t, typeId: roomType, name: "Room 2" },
  ]);

  const common = { tenantId: t, currency: tenant.currency, minNoticeMinutes: 120, maxDaysInAdvance: 60 };
  const services = [
    {
      id: randomUUID(),
      name: "Deep tissue massage (60 min)",
      description: "Firm pressure for stubborn knots and tension.",
      durationMinutes: 60,
      priceCents: 6500,
      bufferAfterMinutes: 15,
      slotIntervalMinutes: 30,
    },
    {
      id: randomUUID(),
      name: "Consultation (30 min)",
      description: "A first conversation about what you need.",
      durationMinutes: 30,
      priceCents: 4000,
      slotIntervalMinutes: 30,
    },
    {
      id: randomUUID(),
      name: "Facial treatment (45 min)",
      description: "Cleanse, exfoliate and hydrate, in a treatment room.",
      durationMinutes: 45,
      priceCents: 5500,
      bufferAfterMinutes: 15,
      slotIntervalMinutes: 15,
      resourceTypeId: roomType,
    },
    {
      id: randomUUID(),
      name: "Gentle yoga class",
      description: "A small group class for all levels; mats provided.",
      durationMinutes: 60,
      priceCents: 1500,
      capacity: 8,
      slotIntervalMinutes: 60,
    },
  ];
  await tx.insert(tables.services).values(services.map((s) => ({ ...common, ...s })));
  const performers: Record<string, string[]> = {
    [services[0]?.id ?? ""]: staff.map((s) => s.id),
    [services[1]?.id ?? ""]: staff.map((s) => s.id),
    [services[2]?.id ?? ""]: [staff[0]?.id ?? "", staff[2]?.id ?? ""],
    [services[3]?.id ?? ""]: [staff[1]?.id ?? ""],
  };
  await tx
    .insert(tables.serviceStaff)
    .values(
      Object.entries(performers).flatMap(([serviceId, ids]) =>
        ids.map((staffId) => ({ tenantId: t, serviceId, staffId })),
      ),
    );

  const customerIds: string[] = [];
  for (const [name, email] of CUSTOMERS) customerIds.push(await customerForGuest(tx, t, { name, email }));

  const pick = sequence(20_261_121);
  const now = new Date();
  let created = 0;
  for (let attempt = 0; attempt < 120 && created < 30; attempt++) {
    const service = await findService(tx, t, services[pick(services.length)]?.id ?? "");
    if (!service) continue;
    const day = localDateOf(now.getTime() + (1 + pick(14)) * DAY, tenant.timeZone);
    const input = await loadAvailabilityInput(tx, tenant, service, {
      from: new Date(now.getTime()),
      to: new Date(now.getTime() + 16 * DAY),
      now,
    });
    const slots = findSlots(input, { from: day, to: day, timeZone: tenant.timeZone, now: now.getTime() });
    const slot = slots[pick(Math.max(slots.length, 1))];
    if (!slot) continue;
    await createBooking(
      tx,
      tenant,
      {
        serviceId: service.id,
        start: new Date(slot.start),
        customerId: customerIds[pick(customerIds.length)] ?? "",
        source: "dashboard",
        holdForConfirmation: false,
        publicOnly: false,
      },
      "system:demo-seed",
      now,
    );
    created++;
  }
  return created;
}
