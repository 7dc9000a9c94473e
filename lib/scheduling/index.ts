/** The availability engine: pure functions over plain data (no I/O); instants are epoch milliseconds. */
export * from "./availability";
export * from "./clock";
export * from "./explain";
export * from "./intervals";
export * from "./schedule";
export * from "./types";
