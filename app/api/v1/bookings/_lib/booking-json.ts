import type { BookingDetail, BookingRecord } from "@/lib/bookings";

/** A booking as the API shows it: no manage-token digest, no internal blocking columns. */
export function bookingJson(b: BookingRecord) {
  return {
    id: b.id,
    status: b.status,
    serviceId: b.serviceId,
    serviceName: b.serviceName,
    staffId: b.staffId,
    resourceId: b.resourceId,
    customerId: b.customerId,
    startAt: b.startAt,
    endAt: b.endAt,
    durationMinutes: b.durationMinutes,
    bufferBeforeMinutes: b.bufferBeforeMinutes,
    bufferAfterMinutes: b.bufferAfterMinutes,
    priceCents: b.priceCents,
    currency: b.currency,
    notes: b.notes,
    source: b.source,
    holdExpiresAt: b.holdExpiresAt,
    cancelledAt: b.cancelledAt,
    cancelReason: b.cancelReason,
    createdBy: b.createdBy,
    createdAt: b.createdAt,
  };
}

export function bookingDetailJson(d: BookingDetail) {
  return { ...bookingJson(d), staffName: d.staffName, customer: d.customer, events: d.events };
}
