import { z } from "zod";

/** The roles a practice may require MFA of (customers sign in differently). Safe for client bundles. */
export const MFA_POLICY_ROLES = ["owner", "manager", "staff"] as const;
export type MfaPolicyRole = (typeof MFA_POLICY_ROLES)[number];

export const MfaPolicyInput = z.object({ roles: z.array(z.enum(MFA_POLICY_ROLES)).max(3) });
export type MfaPolicyInput = z.infer<typeof MfaPolicyInput>;
