/** The practice audit log: append-only entries written in the same transaction as the change. */
export * from "./log";
