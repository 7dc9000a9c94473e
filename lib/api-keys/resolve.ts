/**
 * Bearer key → the actor it stands for. The lookup runs on every request and is never cached, so a
 * revoke or roll takes effect on every instance at once; RLS re-checks the key on every statement too.
 */
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { type Actor, type ApiKeyGrant, tables, withSystem } from "@/lib/db";
import { PracticeSuspended } from "@/lib/errors";
import { digest, looksLikeKey, sameDigest } from "./secret";

const { apiKeys, tenants } = tables;
const TOUCH_AFTER_MS = 60_000;

export type ApiKeyActor = Extract<Actor, { kind: "member" }> & { apiKey: ApiKeyGrant };
export type ResolvedApiKey = { actor: ApiKeyActor; rateLimitPerMinute: number };

/**
 * The key's actor, or null for anything that is not a live key (unknown, revoked, expired, or an old
 * secret past its grace period): all of those are the same 401. A suspended practice's key is a 403.
 */
export async function resolveApiKey(token: string, now = new Date()): Promise<ResolvedApiKey | null> {
  if (!looksLikeKey(token)) return null;
  const hash = digest(token);
  const row = await withSystem(
    "resolve an API key by its digest (before the tenant is known)",
    async (tx) => {
      const [found] = await tx
        .select({
          id: apiKeys.id,
          tenantId: apiKeys.tenantId,
          secretHash: apiKeys.secretHash,
          previousSecretHash: apiKeys.previousSecretHash,
          previousValidUntil: apiKeys.previousValidUntil,
          scopes: apiKeys.scopes,
          rateLimitPerMinute: apiKeys.rateLimitPerMinute,
          expiresAt: apiKeys.expiresAt,
          revokedAt: apiKeys.revokedAt,
          lastUsedAt: apiKeys.lastUsedAt,
          status: tenants.status,
        })
        .from(apiKeys)
        .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
        .where(or(eq(apiKeys.secretHash, hash), eq(apiKeys.previousSecretHash, hash)));
      if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now)) return null;
      const current = sameDigest(found.secretHash, hash);
      const previous =
        sameDigest(found.previousSecretHash, hash) &&
        (found.previousValidUntil?.getTime() ?? 0) > now.getTime();
      if (!current && !previous) return null;
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= TOUCH_AFTER_MS) {
        // At most one write a minute per key, whatever the request rate (the condition holds across instances).
        await tx
          .update(apiKeys)
          .set({ lastUsedAt: now })
          .where(
            and(
              eq(apiKeys.id, found.id),
              or(
                isNull(apiKeys.lastUsedAt),
                lt(apiKeys.lastUsedAt, new Date(now.getTime() - TOUCH_AFTER_MS)),
              ),
            ),
          );
      }
      return found;
    },
  );
  if (!row) return null;
  if (row.status === "suspended") throw new PracticeSuspended();
  return {
    actor: {
      kind: "member",
      userId: row.id,
      tenantId: row.tenantId,
      role: "manager",
      apiKey: { id: row.id, scopes: row.scopes },
    },
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}

/** `Authorization: Bearer <token>`, or null when the header is absent or another scheme. */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1] ?? null;
}
