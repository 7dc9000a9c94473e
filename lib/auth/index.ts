/** Enhanced auth: passwords, sessions and devices, MFA, throttling, one-time tokens, the permission matrix. */
export * from "./account";
export * from "./login";
export * from "./mfa/backup-codes";
export * from "./mfa/challenge";
export * from "./mfa/enrolment";
export * from "./mfa/policy";
export * from "./mfa/totp";
export * from "./password/hashing";
export * from "./password/reset";
export * from "./permissions";
export * from "./session-devices";
export * from "./sessions";
export * from "./throttle/attempts";
export * from "./throttle/device-cookie";
export * from "./throttle/unlock";
export * from "./tokens";
export * from "./verification";
