/** Readiness: the database and Redis checks behind /api/ready. */
export * from "./readiness";
