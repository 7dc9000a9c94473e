/** The customer portal's front door: sign-in codes, portal sessions, and what a customer sees and changes. */
export { cancelOwnBooking, type RescheduleSlot, rescheduleOwnBooking, rescheduleSlots } from "./changes";
export * from "./fields";
export { CODE_ATTEMPTS, CODE_TTL_MINUTES, requestSignInCode, verifySignInCode, WRONG_CODE } from "./otp";
export {
  findPortalPractice,
  type PortalBooking,
  type PortalOverview,
  type PortalProfile,
  portalOverview,
  updateCustomerProfile,
} from "./portal";
export {
  CUSTOMER_SESSION_DAYS,
  type CustomerActor,
  type CustomerSession,
  customerCookieName,
  customerCookieOptions,
  endCustomerSession,
  resolveCustomerSession,
} from "./sessions";
