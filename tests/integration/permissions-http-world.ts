/**
 * Fixtures for the dashboard API's permission tests: practice A with one member of each role (the staff
 * login linked to staff record `mine`; `theirs` is another staff member's diary), practice B for
 * cross-tenant ids, a signed-in browser per role, and bookings made through the real lib.
 */
import { eq } from "drizzle-orm";
import type { PermissionRole } from "@/lib/auth";
import { bookForCustomer } from "@/lib/bookings";
import { tables, withSystem } from "@/lib/db";
import { addDays, localDateOf } from "@/lib/scheduling";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

export const ROLES = ["owner", "manager", "staff", "customer"] as const satisfies readonly PermissionRole[];
export type Role = (typeof ROLES)[number];
export type Browser = Awaited<ReturnType<typeof signedInAs>>;
type Member = Awaited<ReturnType<typeof addMember>>;

export type World = {
  a: TestPractice;
  b: TestPractice;
  schedA: TestSchedule;
  schedB: TestSchedule;
  members: Record<Role, Pick<Member, "userId" | "actor">>;
  as: Record<Role, Browser>;
  /** Staff records of practice A: the staff login's own diary, and a colleague's. */
  mine: string;
  theirs: string;
  bookingB: string;
};

const ZONE = "Europe/London";
const DAY_MS = 86_400_000;
const used = { future: 0, past: 0 };

/**
 * A fresh local date and time so bookings never collide: 9 slots a day at even hours 04:00–20:00 (clear
 * of DST gaps), from two days ahead — or, for `past`, from yesterday backwards.
 */
export function nextSlot(past = false): { date: string; time: string } {
  const n = past ? used.past++ : used.future++;
  const days = Math.floor(n / 9);
  const date = addDays(localDateOf(Date.now(), ZONE), past ? -1 - days : 2 + days);
  return { date, time: `${String(4 + 2 * (n % 9)).padStart(2, "0")}:00` };
}

export async function buildWorld(): Promise<World> {
  const a = await createPractice({ published: true, timeZone: ZONE });
  const b = await createPractice({ published: true, timeZone: ZONE });
  const [schedA, schedB] = [await createSchedule(a.tenantId), await createSchedule(b.tenantId)];
  const manager = await addMember(a.tenantId, "manager");
  const staff = await addMember(a.tenantId, "staff");
  const customer = await addMember(a.tenantId, "customer");
  const [mine = "", theirs = ""] = schedA.staffIds;
  await withSystem("test links a staff login to its staff record", (tx) =>
    tx.update(tables.staffMembers).set({ userId: staff.userId }).where(eq(tables.staffMembers.id, mine)),
  );
  const members = { owner: a.owner, manager, staff, customer };
  const as = {} as Record<Role, Browser>;
  for (const role of ROLES) as[role] = await signedInAs(members[role].userId, a.tenantId);
  const world = { a, b, schedA, schedB, members, as, mine, theirs, bookingB: "" };
  world.bookingB = (
    await bookForCustomer(b.owner.actor, deskFields(schedB, schedB.staffIds[0] ?? "", nextSlot()))
  ).id;
  return world;
}

function deskFields(schedule: TestSchedule, staffId: string, at: { date: string; time: string }) {
  return {
    serviceId: schedule.serviceId,
    staffId,
    ...at,
    customerMode: "existing" as const,
    customerId: schedule.customerId,
    name: "",
    email: "",
    phone: "",
    notes: "",
  };
}

/**
 * A booking in practice A's diary `staffId`, made by the owner through the desk. `past`: it started
 * yesterday or earlier (so it can be completed); `pending`: awaiting confirmation.
 */
export async function book(
  world: World,
  staffId: string,
  options: { past?: boolean; pending?: boolean } = {},
): Promise<string> {
  const now = options.past ? new Date(Date.now() - 10 * DAY_MS) : new Date();
  const booking = await bookForCustomer(
    world.a.owner.actor,
    deskFields(world.schedA, staffId, nextSlot(options.past)),
    now,
  );
  if (options.pending) {
    await withSystem("test puts a booking on hold for confirmation", (tx) =>
      tx
        .update(tables.bookings)
        .set({ status: "pending", holdExpiresAt: new Date(Date.now() + DAY_MS) })
        .where(eq(tables.bookings.id, booking.id)),
    );
  }
  return booking.id;
}
