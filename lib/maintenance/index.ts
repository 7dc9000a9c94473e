/** Once-a-minute housekeeping tasks. */
export * from "./housekeeping";
