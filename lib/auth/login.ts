import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { tables, withSystem } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "./password/hashing";
import { createSession, type DeviceDetails } from "./sessions";
import { normalizeAccount } from "./throttle/attempts";
import { issueDeviceToken, verifyDeviceToken } from "./throttle/device-cookie";
import { throttledCheck } from "./throttle/unlock";

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const LOGIN_FAILED = "Email or password is incorrect";

const ROLE_ORDER = sql`case ${tables.memberships.role} when 'owner' then 0 when 'manager' then 1 when 'staff' then 2 else 3 end`;

export type LoginResult = {
  token: string;
  expiresAt: Date;
  userId: string;
  tenantId: string | null;
  /** The token is only an MFA challenge: send the user to /mfa for the second factor. */
  mfaPending: boolean;
  /** A fresh device cookie once the sign-in is complete (not for an MFA challenge): see throttle.ts. */
  deviceCookie: { token: string; expiresAt: Date } | null;
};

type Account = { id: string; passwordHash: string | null; tenantId: string | null };

function findAccount(email: string): Promise<Account | null> {
  return withSystem("login looks up the account by email", async (tx) => {
    const [user] = await tx
      .select({ id: tables.users.id, passwordHash: tables.users.passwordHash })
      .from(tables.users)
      .where(eq(tables.users.email, email));
    if (!user) return null;
    const [membership] = await tx
      .select({ tenantId: tables.memberships.tenantId })
      .from(tables.memberships)
      .where(eq(tables.memberships.userId, user.id))
      .orderBy(ROLE_ORDER, asc(tables.memberships.createdAt));
    return { ...user, tenantId: membership?.tenantId ?? null };
  });
}

async function auditLogin(
  account: { id: string; tenantId: string | null },
  action: string,
  device: DeviceDetails,
): Promise<void> {
  const { tenantId, id } = account;
  if (!tenantId) return;
  await withSystem("audit login attempt", (tx) =>
    recordAudit(tx, { tenantId, actorUserId: id, action, ip: device.ip }),
  );
}

/**
 * Checks the password (against a dummy hash for unknown emails, so both take as long) under the
 * account and IP throttle, and opens a session — only an MFA challenge if the user has MFA on.
 * `deviceToken` is the browser's device cookie: valid for this account, the attempt spends that
 * device's own budget. `now` drives the throttle's delays (tests step through them without sleeping).
 */
export async function logIn(
  input: LoginInput,
  device: DeviceDetails,
  options: { now?: number; deviceToken?: string | null } = {},
): Promise<LoginResult> {
  const now = options.now ?? Date.now();
  const account = normalizeAccount(input.email);
  const outcome = await throttledCheck<Account>(
    { account, ip: device.ip, device: verifyDeviceToken(account, options.deviceToken, now) },
    async () => {
      const found = await findAccount(input.email);
      const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
      if (found?.passwordHash && ok) return { ok: true as const, value: found };
      if (found) await auditLogin(found, "auth.login_failed", device);
      return { ok: false as const };
    },
    now,
  );
  if (!outcome.ok) throw new ValidationFailed(LOGIN_FAILED, [{ field: "form", message: LOGIN_FAILED }]);
  const found = outcome.value;
  const session = await createSession(found.id, found.tenantId, device);
  // With MFA on, the login succeeds only at the challenge (lib/auth/mfa-challenge.ts audits it there).
  await auditLogin(found, session.mfaPending ? "auth.login_mfa_challenged" : "auth.login_succeeded", device);
  return {
    ...session,
    userId: found.id,
    tenantId: found.tenantId,
    deviceCookie: session.mfaPending ? null : issueDeviceToken(account, now),
  };
}
