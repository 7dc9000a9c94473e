/**
 * The public REST API's domain side (app/api/v1/public/**): anonymous catalogue reads, guest bookings
 * and manage-token changes. Handlers parse with the contract's schemas and call these.
 */

export * from "./availability-cache";
export {
  type CreatedBooking,
  cancelManagedBooking,
  createPublicBooking,
  getManagedBooking,
  type ManagedBooking,
  rescheduleManagedBooking,
} from "./bookings";
export {
  type PublicAvailability,
  type PublicService,
  type PublicSlot,
  type PublicStaff,
  type PublicTenant,
  publicAvailability,
  publicServiceRef,
  publicServices,
  publicStaff,
  publicTenant,
} from "./catalogue";
export {
  AvailabilityQuery,
  bearerToken,
  CancelBody,
  CreateBookingBody,
  instant,
  MAX_RANGE_DAYS,
  parseBookingId,
  parseServiceId,
  parseSlug,
  queryObject,
  RescheduleBody,
} from "./contract";
