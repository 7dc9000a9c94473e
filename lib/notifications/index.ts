// The notifications front door. Mail today; SMS and calendar files later.

export * from "./mail";
export * from "./mail/index";
