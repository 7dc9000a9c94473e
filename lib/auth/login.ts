import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tables, withSystem } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";
import { recordAudit } from "@/lib/tenants/audit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession, type DeviceDetails } from "./sessions";

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const LOGIN_FAILED = "Email or password is incorrect";

const ROLE_ORDER = sql`case ${tables.memberships.role} when 'owner' then 0 when 'manager' then 1 when 'staff' then 2 else 3 end`;

/** Checks the password (against a dummy hash for unknown emails) and opens a new session. */
export async function logIn(
  input: LoginInput,
  device: DeviceDetails,
): Promise<{ token: string; expiresAt: Date; userId: string; tenantId: string | null }> {
  const found = await withSystem("login looks up the account by email", async (tx) => {
    const [user] = await tx
      .select({ id: tables.users.id, passwordHash: tables.users.passwordHash })
      .from(tables.users)
      .where(eq(tables.users.email, input.email));
    if (!user) return null;
    const [membership] = await tx
      .select({ tenantId: tables.memberships.tenantId })
      .from(tables.memberships)
      .where(eq(tables.memberships.userId, user.id))
      .orderBy(ROLE_ORDER, asc(tables.memberships.createdAt));
    return { ...user, tenantId: membership?.tenantId ?? null };
  });

  const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (found?.tenantId) {
    const { tenantId, id } = found;
    await withSystem("audit login attempt", (tx) =>
      recordAudit(tx, {
        tenantId,
        actorUserId: id,
        action: ok ? "auth.login_succeeded" : "auth.login_failed",
        ip: device.ip,
      }),
    );
  }
  if (!found?.passwordHash || !ok) {
    throw new ValidationFailed(LOGIN_FAILED, [{ field: "form", message: LOGIN_FAILED }]);
  }
  const session = await createSession(found.id, found.tenantId, device);
  return { ...session, userId: found.id, tenantId: found.tenantId };
}
