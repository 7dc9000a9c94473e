/**
 * Plain-data inputs and outputs of the availability engine.
 *
 * Conventions: every instant is epoch milliseconds (UTC) so comparisons are plain number maths;
 * local calendar dates are "YYYY-MM-DD" and local wall-clock times "HH:MM" ("24:00" allowed as an
 * end) in the zone named next to them. All ranges are half-open [start, end).
 * Inputs are assumed valid — the API boundary validates them.
 */

export type EpochMs = number;
/** "YYYY-MM-DD" */
export type LocalDate = string;
/** "HH:MM", 00:00–24:00 */
export type LocalTime = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalInterval {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

export interface InstantInterval {
  readonly start: EpochMs;
  readonly end: EpochMs;
}

export const DEFAULT_SLOT_INTERVAL_MINUTES = 15;

export interface Service {
  readonly id: string;
  readonly durationMinutes: number;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  readonly minNoticeMinutes: number;
  /** Measured as whole 24-hour periods from `now`. */
  readonly maxDaysInAdvance: number;
  /** Defaults to DEFAULT_SLOT_INTERVAL_MINUTES. */
  readonly slotIntervalMinutes?: number;
  /** 1 = one-to-one; more = a group session with that many seats. */
  readonly capacity: number;
  readonly requiredResourceTypeId: string | null;
  readonly staffIds: readonly string[];
}

export interface TimeOff extends InstantInterval {
  readonly reason: string;
}

/** Busy time from one of the staff member's own calendars (an event that is not a Boka booking). */
export interface ExternalBusy extends InstantInterval {
  /** Where it comes from, for the explainer: e.g. "Priya's iCloud calendar". */
  readonly calendar: string;
}

/** A date override replaces that day's weekly hours: "closed" or its own intervals. */
export type DayOverride = "closed" | readonly LocalInterval[];

export interface StaffMember {
  readonly id: string;
  /** IANA zone in which the working hours and overrides are written. */
  readonly timeZone: string;
  readonly weeklyHours: Readonly<Partial<Record<IsoWeekday, readonly LocalInterval[]>>>;
  readonly dateOverrides: Readonly<Record<LocalDate, DayOverride>>;
  readonly timeOff: readonly TimeOff[];
  /** Busy times read from connected calendars; blocks like time off. */
  readonly externalBusy?: readonly ExternalBusy[];
}

/** Inclusive local date range in the tenant's zone when nobody works (e.g. a public holiday). */
export interface Closure {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reason: string;
}

export interface Tenant {
  readonly timeZone: string;
  readonly closures: readonly Closure[];
}

export interface Resource {
  readonly id: string;
  readonly typeId: string;
  /** Times the resource is unusable regardless of bookings (maintenance, external use). */
  readonly busy: readonly InstantInterval[];
}

/** An active booking (pending/confirmed) or a hold. */
export interface Booking {
  readonly staffId: string;
  readonly resourceId?: string | null;
  readonly serviceId: string;
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** Buffers as they were when booked; the service's may have changed since. */
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  /** Seats taken in a group session; 1 for one-to-one. */
  readonly seats: number;
  /** Only for holds: from this instant the hold no longer blocks anything. */
  readonly holdExpiresAt?: EpochMs | null;
}

export interface AvailabilityInput {
  readonly service: Service;
  readonly staff: readonly StaffMember[];
  readonly tenant: Tenant;
  readonly resources: readonly Resource[];
  readonly bookings: readonly Booking[];
}

export interface SlotQuery {
  /** Inclusive local dates in `timeZone` (the customer's or the tenant's). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly timeZone: string;
  readonly now: EpochMs;
  readonly staffId?: string;
}

export interface Slot {
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** Staff members who can take this slot, sorted by id. */
  readonly staffIds: string[];
  /** Best seats left across `staffIds` (capacity for a fresh session, 1 for one-to-one). */
  readonly seatsLeft: number;
  /** Only when the service needs a resource: staffId → resource to book with that staff member. */
  readonly resourceIds?: Record<string, string>;
}

export type ReasonCode =
  | "staff_ineligible"
  | "outside_hours"
  | "not_aligned"
  | "closure"
  | "time_off"
  | "external_busy"
  | "booked"
  | "buffer"
  | "min_notice"
  | "beyond_horizon"
  | "resource_unavailable"
  | "session_full";

export interface Reason {
  readonly code: ReasonCode;
  /** Plain-language explanation for front-desk staff. */
  readonly message: string;
}

export interface ExplainRequest {
  readonly staffId: string;
  readonly start: EpochMs;
  readonly now: EpochMs;
}
