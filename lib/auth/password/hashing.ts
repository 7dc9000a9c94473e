import { readFileSync } from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";
import { PasswordLength } from "@/lib/tenants/fields";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `2` is Algorithm.Argon2id, a const enum that
// isolatedModules cannot import.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib", "auth", "password", "common-passwords.txt");
    common = new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line && !line.startsWith("#")),
    );
  }
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Length and a common-password check; no composition rules (NIST SP 800-63B). */
export const NewPassword = PasswordLength.refine(
  (p) => !isCommonPassword(p),
  "This password is too common; choose another",
);

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verifying against this keeps the timing of unknown emails close to that of known ones. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword("boka-dummy-password-for-timing");
  return dummy;
}
