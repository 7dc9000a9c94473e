/** Practices: sign-up, settings, the team and invitations, reading the audit log. */
export * from "./audit-query";
export * from "./jobs";
export * from "./settings";
export * from "./signup";
export * from "./team/invitations";
