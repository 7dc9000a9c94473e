import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAuditForUser } from "@/lib/audit";
import { encryptionKeyring, encryptSecret } from "@/lib/crypto";
import { tables, withSystem, withTenant } from "@/lib/db";
import { Conflict, ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { logger } from "@/lib/observability";
import { verifyPassword } from "../password/hashing";
import { qrSvg } from "../qr";
import { throttledCheck } from "../throttle/unlock";
import {
  consumeTotp,
  lockMfa,
  mfaContext,
  newBackupCodes,
  replaceBackupCodes,
  useSecondFactor,
} from "./store";
import { generateTotpSecret, totpUri } from "./totp";

/**
 * TOTP MFA for a signed-in user: enrol (QR + secret, on only after a current code), regenerate backup
 * codes (a current code), turn off (password AND a current code). Every code check is throttled like a
 * password and goes through mfa-store's row lock, so each time step and backup code works once.
 */

const { userMfa, userBackupCodes, users } = tables;

export type MfaUser = { id: string; email: string };
type Options = { ip?: string | null; now?: number };

const Code = z.string().trim().min(1, "Enter the code from your authenticator app").max(32);
export const MfaCodeInput = z.object({ code: Code });
export const DisableMfaInput = z.object({
  password: z.string().min(1, "Enter your password").max(256),
  code: Code,
});
export type DisableMfaInput = z.infer<typeof DisableMfaInput>;

export const WRONG_CODE = "That code is not valid. Enter the newest code from your app.";
const WRONG_PASSWORD = "That password is not correct";
const wrongCode = () => new ValidationFailed(WRONG_CODE, [{ field: "code", message: WRONG_CODE }]);

export type MfaStatus = { enabled: boolean; enabledAt: Date | null; backupCodesLeft: number };

/** Read as the user: RLS shows their own enabled state and code count, never the secret or hashes. */
export function getMfaStatus(userId: string): Promise<MfaStatus> {
  return withTenant({ kind: "user", userId }, async (tx) => {
    const [row] = await tx
      .select({ enabledAt: userMfa.enabledAt })
      .from(userMfa)
      .where(eq(userMfa.userId, userId));
    const [codes] = await tx
      .select({ n: count() })
      .from(userBackupCodes)
      .where(and(eq(userBackupCodes.userId, userId), isNull(userBackupCodes.usedAt)));
    const enabledAt = row?.enabledAt ?? null;
    return { enabled: enabledAt !== null, enabledAt, backupCodesLeft: enabledAt ? (codes?.n ?? 0) : 0 };
  });
}

async function notify(user: MfaUser, subject: string, text: string, tag: string): Promise<void> {
  // The change is already committed; a mail outage must not undo or hide it from the user.
  await mailer()
    .send({ to: user.email, subject, text, tag })
    .catch((err: unknown) => logger.error({ err, tag }, "could not send MFA notice"));
}

/**
 * Starts (or restarts) enrolment with a new secret, stored encrypted and not yet enabled. Returns what
 * the authenticator app needs: the secret in text and as a locally rendered QR code.
 */
export async function startMfaEnrolment(user: MfaUser): Promise<{ secret: string; qrSvg: string }> {
  const secret = generateTotpSecret();
  const keyring = encryptionKeyring();
  const secretEncrypted = encryptSecret(secret, keyring, mfaContext(user.id));
  await withSystem("MFA enrolment stores a new encrypted secret", async (tx) => {
    const locked = await lockMfa(tx, user.id);
    if (locked?.enabled) throw new Conflict("Two-factor authentication is already on");
    const fresh = { secretEncrypted, keyId: keyring.current, enabledAt: null, lastUsedStep: null };
    await tx
      .insert(userMfa)
      .values({ userId: user.id, ...fresh })
      .onConflictDoUpdate({ target: userMfa.userId, set: fresh });
  });
  return { secret, qrSvg: await qrSvg(totpUri({ secret, accountName: user.email })) };
}

/** Turns MFA on once the user proves their app shows the current code; returns the 10 backup codes. */
export async function confirmMfaEnrolment(
  user: MfaUser,
  code: string,
  options: Options = {},
): Promise<{ backupCodes: string[] }> {
  const now = options.now ?? Date.now();
  const { codes, hashes } = await newBackupCodes();
  const outcome = await throttledCheck<string[]>(
    { account: user.email, ip: options.ip },
    () =>
      withSystem("MFA enrolment checks the first code and turns MFA on", async (tx) => {
        const locked = await lockMfa(tx, user.id);
        if (!locked) throw new Conflict("Start the set-up again: no enrolment is in progress");
        if (locked.enabled) throw new Conflict("Two-factor authentication is already on");
        const decision = await consumeTotp(tx, user.id, locked, code, now);
        if (!decision.ok) return { ok: false as const };
        await tx
          .update(userMfa)
          .set({ enabledAt: new Date(now) })
          .where(eq(userMfa.userId, user.id));
        await replaceBackupCodes(tx, user.id, hashes);
        await recordAuditForUser(tx, user.id, { action: "auth.mfa_enabled", ip: options.ip });
        return { ok: true as const, value: codes };
      }),
    now,
  );
  if (!outcome.ok) throw wrongCode();
  await notify(
    user,
    "Two-factor authentication is on",
    "Two-factor authentication was turned on for your Boka account. If this was not you, contact your practice owner.",
    "auth.mfa-enabled",
  );
  return { backupCodes: outcome.value };
}

/** A new set of 10 codes (the old set stops working); needs a current code. */
export async function regenerateBackupCodes(
  user: MfaUser,
  code: string,
  options: Options = {},
): Promise<{ backupCodes: string[] }> {
  const now = options.now ?? Date.now();
  const { codes, hashes } = await newBackupCodes();
  const outcome = await throttledCheck<string[]>(
    { account: user.email, ip: options.ip },
    () =>
      withSystem("MFA backup codes are regenerated after a code check", async (tx) => {
        if (!(await useSecondFactor(tx, user.id, code, now))) return { ok: false as const };
        await replaceBackupCodes(tx, user.id, hashes);
        await recordAuditForUser(tx, user.id, {
          action: "auth.mfa_backup_codes_regenerated",
          ip: options.ip,
        });
        return { ok: true as const, value: codes };
      }),
    now,
  );
  if (!outcome.ok) throw wrongCode();
  return { backupCodes: outcome.value };
}

/** Turns MFA off: the password AND a current code (or a backup code), so a stolen session is not enough. */
export async function disableMfa(
  user: MfaUser,
  input: DisableMfaInput,
  options: Options = {},
): Promise<void> {
  const now = options.now ?? Date.now();
  const outcome = await throttledCheck<null>(
    { account: user.email, ip: options.ip },
    async () => {
      const [row] = await withSystem("MFA change checks the user's password", (tx) =>
        tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)),
      );
      if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.password))) {
        return { ok: false as const, reason: "password" };
      }
      return withSystem("MFA is turned off after password and code checks", async (tx) => {
        if (!(await useSecondFactor(tx, user.id, input.code, now))) return { ok: false as const };
        await tx.delete(userBackupCodes).where(eq(userBackupCodes.userId, user.id));
        await tx.delete(userMfa).where(eq(userMfa.userId, user.id));
        await recordAuditForUser(tx, user.id, { action: "auth.mfa_disabled", ip: options.ip });
        return { ok: true as const, value: null };
      });
    },
    now,
  );
  if (!outcome.ok) {
    if (outcome.reason === "password") {
      throw new ValidationFailed(WRONG_PASSWORD, [{ field: "password", message: WRONG_PASSWORD }]);
    }
    throw wrongCode();
  }
  await notify(
    user,
    "Two-factor authentication is off",
    "Two-factor authentication was turned off for your Boka account. If this was not you, log in, turn it back on and change your password.",
    "auth.mfa-disabled",
  );
}
