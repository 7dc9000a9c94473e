import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "../password/hashing";

/**
 * One-time MFA backup codes: 10 characters of Crockford base32 (10 × 5 = 50 bits each), shown as
 * `XXXXX-XXXXX`. Crockford's alphabet drops I, L, O and U, so codes read aloud or copied from paper
 * survive, and normalization maps the look-alikes back. Only argon2id hashes are stored; marking a
 * code used (under a row lock) is the caller's job.
 */

export const BACKUP_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BACKUP_CODE_LENGTH = 10;
export const BACKUP_CODE_COUNT = 10;

function randomCode(): string {
  // 256 is a multiple of 32, so `byte & 31` picks each symbol with equal probability.
  const bytes = randomBytes(BACKUP_CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += BACKUP_CODE_ALPHABET[byte & 31];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Display-form codes (`XXXXX-XXXXX`), all distinct. */
export function generateBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  return [...codes];
}

/** Canonical form (10 upper-case symbols, no separators) or null if it cannot be a backup code. */
export function normalizeBackupCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== BACKUP_CODE_LENGTH) return null;
  for (const ch of code) if (!BACKUP_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Hashes the canonical form, so any accepted spelling of a code verifies. */
export async function hashBackupCodes(codes: readonly string[]): Promise<string[]> {
  return Promise.all(
    codes.map((code) => {
      const canonical = normalizeBackupCode(code);
      if (canonical === null) throw new Error("Not a backup code");
      return hashPassword(canonical);
    }),
  );
}

/** Id of the unused code that `input` matches, or null. */
export async function findMatchingBackupCode<Id>(
  input: string,
  hashes: readonly { id: Id; hash: string }[],
): Promise<Id | null> {
  const canonical = normalizeBackupCode(input);
  if (canonical === null) return null;
  // Sequential: each argon2id verify takes 19 MiB, and there are at most ten.
  for (const { id, hash } of hashes) {
    if (await verifyPassword(hash, canonical)) return id;
  }
  return null;
}
