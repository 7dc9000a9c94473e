/**
 * Bookings: the lifecycle (create, confirm, cancel, reschedule, status), claiming a slot, the engine's
 * input, queries, the team calendar, CSV and the front desk. Runs inside withTenant/withSystem.
 */

export * from "./availability-input";
export * from "./confirmation-window";
export * from "./csv";
export * from "./desk";
export * from "./errors";
export * from "./events";
export * from "./lifecycle";
export * from "./live-updates";
export * from "./manage-token";
export * from "./message-snapshot";
export { type CancellationOutcome, type PolicyOverride, rescheduleUnderPolicy } from "./policy-gate";
export * from "./query";
export * from "./reminders";
export * from "./status";
export * from "./team-calendar";
export * from "./uid";
