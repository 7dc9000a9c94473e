import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isPlatformAdmin } from "@/lib/admin";
import { resolveSession, type SessionContext, sessionCookieName } from "@/lib/auth";
import type { Actor } from "@/lib/db";
import { clientIp } from "@/lib/http";
import { getTenantSettings } from "@/lib/tenants";

/** The signed-in session for this request (resolved once per render). */
export const currentSession = cache(async (): Promise<SessionContext | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return resolveSession(token);
});

export type MemberActor = Extract<Actor, { kind: "member" }>;

/** For the dashboard: a session whose user works at the session's practice. */
export async function requireStaffMember(): Promise<{ context: SessionContext; actor: MemberActor }> {
  const context = await currentSession();
  if (!context) redirect("/login");
  const membership = context.membership;
  if (!membership || membership.role === "customer") {
    // A platform admin has no dashboard of their own (admin rights never make a member): their console.
    redirect((await isPlatformAdmin(context.user.id)) ? "/admin" : "/login?reason=no-practice");
  }
  // The practice requires MFA for this role and the member has none yet: enrol before anything else.
  if (context.mfa.enrolmentRequired) redirect("/mfa/setup");
  const actor: MemberActor = {
    kind: "member",
    userId: context.user.id,
    tenantId: membership.tenantId,
    role: membership.role,
  };
  // Read with the membership on every request: a suspension or reactivation applies from the next one.
  if (membership.suspended) redirect("/suspended");
  return { context, actor };
}

export async function requestDevice(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent") };
}

/** The signed-in member's practice settings, read once per render. */
export const currentPractice = cache(async () => {
  const { actor } = await requireStaffMember();
  return getTenantSettings(actor);
});
