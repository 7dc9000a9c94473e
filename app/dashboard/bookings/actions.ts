"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { BookingView } from "@/components/dashboard/desk-actions";
import {
  type BookingDetail,
  bookingDetail,
  cancelBookingAtDesk,
  changeBookingStatus,
  rescheduleAtDesk,
} from "@/lib/bookings";
import { CancelFields, RescheduleFields, StatusFields } from "@/lib/bookings/fields";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

function toView(b: BookingDetail): BookingView {
  return {
    id: b.id,
    status: b.status,
    isHold: b.status === "pending" && b.holdExpiresAt !== null,
    holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
    start: b.startAt.toISOString(),
    end: b.endAt.toISOString(),
    serviceName: b.serviceName,
    staffId: b.staffId,
    staffName: b.staffName,
    customer: b.customer,
    priceCents: b.priceCents,
    currency: b.currency,
    notes: b.notes,
    source: b.source,
    cancelReason: b.cancelReason,
    events: b.events.map((e) => ({ action: e.action, actor: e.actor, at: e.createdAt.toISOString() })),
  };
}

const changed = () => {
  revalidatePath("/dashboard/calendar");
  revalidatePath("/dashboard/bookings");
};

const detail = defineAction(z.object({ id: z.uuid() }), async ({ id }) => {
  const { actor } = await requireStaffMember();
  return toView(await bookingDetail(actor, id));
});

const status = defineAction(StatusFields, async (input) => {
  const { actor } = await requireStaffMember();
  await changeBookingStatus(actor, input);
  changed();
  return null;
});

const cancel = defineAction(CancelFields, async (input) => {
  const { actor } = await requireStaffMember();
  await cancelBookingAtDesk(actor, input);
  changed();
  return null;
});

const reschedule = defineAction(RescheduleFields, async (input) => {
  const { actor } = await requireStaffMember();
  await rescheduleAtDesk(actor, input);
  changed();
  return null;
});

export async function bookingDetailAction(raw: unknown) {
  return detail(raw);
}
export async function changeStatusAction(raw: unknown) {
  return status(raw);
}
export async function cancelBookingAction(raw: unknown) {
  return cancel(raw);
}
export async function rescheduleBookingAction(raw: unknown) {
  return reschedule(raw);
}
