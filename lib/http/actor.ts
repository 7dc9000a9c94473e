import type { SessionContext } from "@/lib/auth";
import type { Actor } from "@/lib/db";
import { Forbidden, PracticeSuspended, Unauthenticated } from "@/lib/errors";

export type MemberActor = Extract<Actor, { kind: "member" }>;

/**
 * The team member behind a cookie-authenticated API request: 401 without a session, 403 for a
 * customer-only account, a suspended practice, or while the practice's required MFA is not set up
 * (the same gates the dashboard pages apply).
 */
export function memberFromSession(context: SessionContext | null): MemberActor {
  if (!context) throw new Unauthenticated("Sign in to use this endpoint.");
  const membership = context.membership;
  if (!membership || membership.role === "customer") {
    throw new Forbidden("This account is not a member of a practice's team.");
  }
  if (membership.suspended) throw new PracticeSuspended();
  if (context.mfa.enrolmentRequired) {
    throw new Forbidden("This practice requires two-factor authentication: set it up first.");
  }
  return { kind: "member", userId: context.user.id, tenantId: membership.tenantId, role: membership.role };
}
