/**
 * Single-use emailed tokens: 256 random bits, base64url in the link, only SHA-256 in the database,
 * each with a purpose, an address and an expiry. Consuming is one conditional UPDATE, so of two racing
 * uses exactly one wins. Tokens never reach a log: callers log the purpose and user id at most.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { config } from "@/lib/config";
import type { TokenPurpose } from "@/lib/db";
import { type Tx, tables } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { createLimiter, enforce } from "@/lib/rate-limit";

export type { TokenPurpose } from "@/lib/db";

const { authTokens } = tables;

const HOUR = 3_600_000;
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: HOUR,
  change_email: 24 * HOUR,
};
export const INVITATION_TTL_MS = 7 * 24 * HOUR;

export const INVALID_LINK = "This link is invalid, has expired or has already been used.";

/** The shape of a token in a link; anything else is refused without a database round trip. */
export const TokenString = z
  .string({ error: "This link is incomplete" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is incomplete; open it again from the email");

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** An absolute link to a page of the app carrying a token. */
export function tokenLink(path: string, token: string): string {
  const url = new URL(path, config().APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Issues a token for a user (on the system path: API roles cannot touch auth_tokens). Earlier unused
 * tokens of the same purpose go, so only the newest link works.
 */
export async function issueToken(
  tx: Tx,
  input: { purpose: TokenPurpose; userId: string; email: string; now: Date },
): Promise<string> {
  await tx
    .delete(authTokens)
    .where(
      and(
        eq(authTokens.userId, input.userId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
      ),
    );
  const { token, hash } = newToken();
  await tx.insert(authTokens).values({
    purpose: input.purpose,
    tokenHash: hash,
    userId: input.userId,
    email: input.email,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + TOKEN_TTL_MS[input.purpose]),
  });
  return token;
}

/** Marks the token used and returns whom it was for; an unknown, used or expired token is a NotFound. */
export async function consumeToken(
  tx: Tx,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<{ userId: string; email: string }> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ userId: authTokens.userId, email: authTokens.email });
  if (!row) throw new NotFound(INVALID_LINK);
  return row;
}

// Guessing a 256-bit token is hopeless, but a client hammering the token endpoints is still refused:
// 20 failed attempts per IP per 15 minutes. Successes give their point back.
const GUESSES = { keyPrefix: "auth-token-ip", points: 20, durationSeconds: 900 } as const;

/** Runs a token check under the per-IP limit; a failure (any thrown error) keeps its point. */
export async function throttleTokenUse<T>(ip: string | null | undefined, fn: () => Promise<T>): Promise<T> {
  const limiter = createLimiter(GUESSES);
  const key = `ip:${ip ?? "unknown"}`;
  await enforce(limiter, key, {
    message: "Too many attempts with invalid links. Please wait and try again.",
  });
  const result = await fn();
  await limiter.reward(key).catch(() => {});
  return result;
}

/**
 * Limits how often one address or user can be sent mail of one kind (no mail bombing through
 * "resend" or "forgot password"): `points` per hour per key.
 */
export async function throttleMail(kind: string, key: string, points = 5): Promise<void> {
  const limiter = createLimiter({ keyPrefix: `auth-mail-${kind}`, points, durationSeconds: 3_600 });
  await enforce(limiter, key.toLowerCase(), {
    message: "Too many emails of this kind were requested. Please wait a while and try again.",
  });
}
