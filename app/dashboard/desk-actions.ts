import type { DeskActions } from "@/components/dashboard/desk-actions";
import {
  bookingDetailAction,
  cancelBookingAction,
  changeStatusAction,
  rescheduleBookingAction,
} from "./bookings/actions";
import { bookSlotAction, explainSlotAction, findCustomersAction } from "./calendar/actions";

/** The front desk's server actions, as the calendar and bookings pages hand them to DeskActionsProvider. */
export const deskActions: DeskActions = {
  bookingDetail: bookingDetailAction,
  changeStatus: changeStatusAction,
  cancelBooking: cancelBookingAction,
  rescheduleBooking: rescheduleBookingAction,
  bookSlot: bookSlotAction,
  explainSlot: explainSlotAction,
  findCustomers: findCustomersAction,
};
