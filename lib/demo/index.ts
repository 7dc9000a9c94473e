/** The demo practice: its seed and schedule. */
export * from "./seed";
