import { and, count, eq, isNull } from "drizzle-orm";
import { decryptSecret, encryptionKeyring } from "@/lib/crypto";
import { type Tx, tables } from "@/lib/db";
import {
  findMatchingBackupCode,
  generateBackupCodes,
  hashBackupCodes,
  normalizeBackupCode,
} from "./backup-codes";
import { acceptTotp, type TotpDecision } from "./totp";

/**
 * MFA rows, always inside a caller's transaction on the system path (the secret and the code hashes
 * are never granted to API roles). Every check locks the user's user_mfa row first, so two requests
 * using one code — TOTP step or backup code — are decided one after the other: exactly one wins.
 */

const { userMfa, userBackupCodes } = tables;

/** Associated data for the secret's encryption: a ciphertext moved to another user's row won't decrypt. */
export const mfaContext = (userId: string) => `mfa:${userId}`;

export type LockedMfa = { secret: string; enabled: boolean; lastUsedStep: number | null };

/** Locks and decrypts the user's MFA row (enabled or waiting for confirmation), or null. */
export async function lockMfa(tx: Tx, userId: string): Promise<LockedMfa | null> {
  const [row] = await tx
    .select({
      secretEncrypted: userMfa.secretEncrypted,
      enabledAt: userMfa.enabledAt,
      lastUsedStep: userMfa.lastUsedStep,
    })
    .from(userMfa)
    .where(eq(userMfa.userId, userId))
    .for("update");
  if (!row) return null;
  return {
    secret: decryptSecret(row.secretEncrypted, encryptionKeyring(), mfaContext(userId)),
    enabled: row.enabledAt !== null,
    lastUsedStep: row.lastUsedStep,
  };
}

/** Accepts a TOTP code for a step after the last one used, and records that step. */
export async function consumeTotp(
  tx: Tx,
  userId: string,
  locked: LockedMfa,
  code: string,
  nowMs: number,
): Promise<TotpDecision> {
  const decision = acceptTotp({ secret: locked.secret, code, nowMs, lastUsedStep: locked.lastUsedStep });
  if (decision.ok) {
    await tx.update(userMfa).set({ lastUsedStep: decision.step }).where(eq(userMfa.userId, userId));
  }
  return decision;
}

/** Marks the matching unused backup code used; false when none matches. Call with the MFA row locked. */
export async function consumeBackupCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  if (normalizeBackupCode(code) === null) return false;
  const unused = await tx
    .select({ id: userBackupCodes.id, hash: userBackupCodes.codeHash })
    .from(userBackupCodes)
    .where(and(eq(userBackupCodes.userId, userId), isNull(userBackupCodes.usedAt)));
  const id = await findMatchingBackupCode(code, unused);
  if (id === null) return false;
  const used = await tx
    .update(userBackupCodes)
    .set({ usedAt: new Date() })
    .where(
      and(eq(userBackupCodes.userId, userId), eq(userBackupCodes.id, id), isNull(userBackupCodes.usedAt)),
    )
    .returning({ id: userBackupCodes.id });
  return used.length === 1;
}

export async function unusedBackupCodeCount(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(userBackupCodes)
    .where(and(eq(userBackupCodes.userId, userId), isNull(userBackupCodes.usedAt)));
  return row?.n ?? 0;
}

/** Fresh codes and their hashes; hashing is slow (argon2id), so do it before opening a transaction. */
export async function newBackupCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = generateBackupCodes();
  return { codes, hashes: await hashBackupCodes(codes) };
}

/** Replaces the whole set: the old codes stop working at once. */
export async function replaceBackupCodes(tx: Tx, userId: string, hashes: string[]): Promise<void> {
  await tx.delete(userBackupCodes).where(eq(userBackupCodes.userId, userId));
  await tx.insert(userBackupCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

export type SecondFactor = "totp" | "backup_code";

/**
 * Checks a second factor for a user with MFA on: six digits are a TOTP code, anything shaped like a
 * backup code is one. Records the use; returns which factor passed, or null.
 */
export async function useSecondFactor(
  tx: Tx,
  userId: string,
  code: string,
  nowMs: number,
): Promise<SecondFactor | null> {
  const locked = await lockMfa(tx, userId);
  if (!locked?.enabled) return null;
  if (/^\d{6}$/.test(code.replace(/[\s-]/g, ""))) {
    return (await consumeTotp(tx, userId, locked, code, nowMs)).ok ? "totp" : null;
  }
  return (await consumeBackupCode(tx, userId, code)) ? "backup_code" : null;
}
