/** Availability engine: pure functions over plain data; instants are epoch milliseconds. */
export { findSlots } from "./availability";
export { explainSlot } from "./explain";
export * from "./types";
