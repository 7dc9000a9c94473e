/**
 * The dashboard's front door to the booking domain: the catalogue (services, staff and their
 * schedules, rooms, closures, customers) and the front desk's booking operations. Every function takes
 * the acting member and runs inside `withTenant`, so RLS has the last word. Client components import
 * the field schemas (`catalogue-*-fields.ts`, `catalogue-money.ts`) directly instead.
 */
export * from "./access";
export * from "./customers";
export * from "./load";
export * from "./pages";
export * from "./places";
export * from "./schedules";
export * from "./services";
export * from "./staff";
