import type { DeskActions } from "@/components/dashboard/desk-actions";
import {
  bookingDetailAction,
  cancelBookingAction,
  changeStatusAction,
  rescheduleBookingAction,
} from "./bookings/actions";
import { bookingMoneyAction, recordPaymentAction, refundPaymentAction } from "./bookings/payment-actions";
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
  bookingMoney: bookingMoneyAction,
  recordPayment: recordPaymentAction,
  refundPayment: refundPaymentAction,
};
