import { confirmMfaEnrolment, generateTotpCode, startMfaEnrolment } from "@/lib/auth";
import { tables, withSystem } from "@/lib/db";
import { unique } from "./factory";
import { signedInAs } from "./http";

export async function enableMfa(user: { id: string; email: string }) {
  const { secret } = await startMfaEnrolment(user);
  const now = Date.now();
  await confirmMfaEnrolment(user, generateTotpCode(secret, now), { now });
}

/**
 * A platform admin: the flag is set in SQL only. Signed in before MFA goes on, so the session is a full
 * one (a new login would be an MFA challenge); resolveSession reads the MFA state fresh every time.
 */
export async function createAdmin(
  options: { mfa?: boolean; memberOf?: { tenantId: string; role: "staff" }; sessionTenantId?: string } = {},
) {
  const email = `${unique("admin")}@example.test`;
  const userId = await withSystem("test creates a platform admin", async (tx) => {
    const [user] = await tx
      .insert(tables.users)
      .values({ email, name: "Pat Admin", isPlatformAdmin: true, emailVerifiedAt: new Date() })
      .returning({ id: tables.users.id });
    if (!user) throw new Error("no user");
    if (options.memberOf)
      await tx.insert(tables.memberships).values({ ...options.memberOf, userId: user.id });
    return user.id;
  });
  const client = await signedInAs(userId, options.sessionTenantId ?? options.memberOf?.tenantId ?? null);
  if (options.mfa !== false) await enableMfa({ id: userId, email });
  return { userId, email, client };
}
