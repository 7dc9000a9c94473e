/** Money in integer minor units per currency (Stripe's rules) and percentages of it. Client-safe. */
export * from "./currency";
export * from "./percent";
