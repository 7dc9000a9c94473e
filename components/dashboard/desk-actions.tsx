"use client";
import { createContext, type ReactNode, useContext, useState } from "react";
import type { ServerAction } from "@/components/forms/action-result";
import type { BookingDetail } from "@/lib/bookings";
import type { Reason } from "@/lib/scheduling";

/** What the booking dialog shows; the manage-token hash and internal keys stay on the server. */
export type BookingView = {
  id: string;
  status: BookingDetail["status"];
  isHold: boolean;
  holdExpiresAt: string | null;
  start: string;
  end: string;
  serviceName: string;
  staffId: string;
  staffName: string;
  customer: BookingDetail["customer"];
  priceCents: number;
  currency: string;
  notes: string;
  source: string;
  cancelReason: string | null;
  events: { action: string; actor: string; at: string }[];
};

/** A customer the slot dialog's search found. */
export type CustomerMatch = { id: string; name: string; email: string; phone: string | null };

/**
 * The front desk's server actions, used deep in the calendar and bookings trees (booking and slot
 * dialogs, reschedule form, customer picker): the page hands them once to DeskActionsProvider.
 */
export type DeskActions = {
  bookingDetail: ServerAction<BookingView>;
  changeStatus: ServerAction;
  cancelBooking: ServerAction;
  rescheduleBooking: ServerAction;
  bookSlot: ServerAction<{ id: string }>;
  explainSlot: ServerAction<Reason[]>;
  findCustomers: ServerAction<CustomerMatch[]>;
};

const DeskActionsContext = createContext<DeskActions | null>(null);

export function DeskActionsProvider({ actions, children }: { actions: DeskActions; children: ReactNode }) {
  // Each refresh of the page decodes the same actions into new functions; keeping the first set stops
  // the dialogs' effects (which call them) from re-running and losing what the user has open.
  const [stable] = useState(actions);
  return <DeskActionsContext value={stable}>{children}</DeskActionsContext>;
}

export function useDeskActions(): DeskActions {
  const actions = useContext(DeskActionsContext);
  if (!actions) throw new Error("useDeskActions() needs a DeskActionsProvider above it");
  return actions;
}
