/** Structured logging (pino), metrics (prom-client), and the per-request context, log line and metrics. */
export * from "./http-requests";
export * from "./logger";
export * from "./metrics";
export * from "./request-context";
export * from "./scrape-access";
