"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  type BookingMoneyView,
  bookingPayments,
  ManualPaymentFields,
  RefundFields,
  recordManualPayment,
  refundManualPayment,
} from "@/lib/payments";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const view = defineAction(
  z.object({ bookingId: z.uuid() }),
  async ({ bookingId }): Promise<BookingMoneyView> => {
    const { actor } = await requireStaffMember();
    const { money, payments } = await bookingPayments(actor, bookingId);
    return {
      ...money,
      payments: payments.map((p) => ({
        id: p.id,
        kind: p.kind,
        method: p.method,
        status: p.status,
        amountCents: p.amountCents,
        receiptNumber: p.receiptNumber,
        note: p.note,
        at: p.createdAt.toISOString(),
      })),
    };
  },
);

const record = defineAction(ManualPaymentFields, async (input) => {
  const { actor } = await requireStaffMember();
  await recordManualPayment(actor, input);
  revalidatePath("/dashboard/bookings");
  return null;
});

const refund = defineAction(RefundFields, async (input) => {
  const { actor } = await requireStaffMember();
  await refundManualPayment(actor, input);
  revalidatePath("/dashboard/bookings");
  return null;
});

export async function bookingMoneyAction(raw: unknown) {
  return view(raw);
}
export async function recordPaymentAction(raw: unknown) {
  return record(raw);
}
export async function refundPaymentAction(raw: unknown) {
  return refund(raw);
}
