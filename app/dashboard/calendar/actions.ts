"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { bookForCustomer, explainDeskSlot } from "@/lib/bookings";
import { DeskBookingFields, ExplainFields } from "@/lib/bookings/fields";
import { listCustomers } from "@/lib/catalogue";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const book = defineAction(DeskBookingFields, async (input) => {
  const { actor } = await requireStaffMember();
  const booking = await bookForCustomer(actor, input);
  revalidatePath("/dashboard/calendar");
  revalidatePath("/dashboard/bookings");
  return { id: booking.id };
});

const explain = defineAction(ExplainFields, async (input) => {
  const { actor } = await requireStaffMember();
  return explainDeskSlot(actor, input);
});

const findCustomers = defineAction(
  z.object({ query: z.string().trim().min(1).max(120) }),
  async ({ query }) => {
    const { actor } = await requireStaffMember();
    const { rows } = await listCustomers(actor, { query, pageSize: 8 });
    return rows.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone }));
  },
);

export async function bookSlotAction(raw: unknown) {
  return book(raw);
}
export async function explainSlotAction(raw: unknown) {
  return explain(raw);
}
export async function findCustomersAction(raw: unknown) {
  return findCustomers(raw);
}
