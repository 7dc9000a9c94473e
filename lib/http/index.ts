/** The HTTP boundary for route handlers: actor resolution, request checks, CSP, idempotency, problem+json. */
export * from "./actor";
export * from "./body";
export * from "./csp";
export * from "./idempotency";
export * from "./once";
export * from "./problem";
export * from "./request";
export * from "./route";
