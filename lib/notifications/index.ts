// The notifications front door. Mail today; SMS and calendar files later.
export * from "./mail";
