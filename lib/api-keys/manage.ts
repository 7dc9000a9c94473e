/**
 * Owners and managers manage their practice's keys, signed in (an API key never manages keys: both
 * assertCan and the table's policies refuse). Every create, roll and revoke is audited.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth";
import { config } from "@/lib/config";
import { type Actor, type Tx, tables, withTenant } from "@/lib/db";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http";
import { keysetPage, type ListPage, type PageParams } from "@/lib/pagination";
import { DEFAULT_RATE_LIMIT, NewApiKey, RollApiKey } from "./fields";
import { newSecret } from "./secret";

const { apiKeys } = tables;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimitPerMinute: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** While a rolled key's old secret still works. */
  previousValidUntil: Date | null;
  createdBy: string | null;
  createdAt: Date;
};
/** A key with its secret: returned once, at creation or roll, and never stored. */
export type IssuedApiKey = { key: ApiKeySummary; secret: string };

export const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  previousValidUntil: apiKeys.previousValidUntil,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
};

export function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationFailed("Some fields need attention.", zodFieldErrors(parsed.error));
  return parsed.data;
}

/** Checks a requested limit against the platform's maximum; only owners move it off the default. */
export function checkRateLimit(limit: number, owner: boolean): void {
  const max = config().API_KEY_RATE_LIMIT_MAX;
  if (limit > max) {
    throw new ValidationFailed("Some fields need attention.", [
      { field: "rateLimitPerMinute", message: `At most ${max} requests per minute` },
    ]);
  }
  if (limit !== DEFAULT_RATE_LIMIT && !owner) {
    throw new Forbidden("Only an owner can change a key's rate limit.");
  }
}

/** Inserts a key and its audit entry; `createdBy` null for the operator CLI. */
export async function insertKey(
  tx: Tx,
  tenantId: string,
  createdBy: string | null,
  input: ReturnType<typeof NewApiKey.parse>,
): Promise<IssuedApiKey> {
  const { secret, hash, prefix } = newSecret();
  const [key] = await tx
    .insert(apiKeys)
    .values({
      tenantId,
      name: input.name,
      prefix,
      secretHash: hash,
      scopes: input.scopes,
      rateLimitPerMinute: input.rateLimitPerMinute,
      expiresAt: input.expiresAt ?? null,
      createdBy,
    })
    .returning(summaryColumns);
  if (!key) throw new Error("insert returned no row");
  await recordAudit(tx, {
    tenantId,
    actorUserId: createdBy,
    action: "api_key.created",
    targetType: "api_key",
    targetId: key.id,
    details: { name: key.name, prefix, scopes: key.scopes, expires_at: key.expiresAt },
  });
  return { key, secret };
}

export async function createApiKey(actor: Actor, raw: unknown): Promise<IssuedApiKey> {
  assertCan(actor, "settings.api_keys");
  const input = parse(NewApiKey, raw);
  checkRateLimit(input.rateLimitPerMinute, actor.role === "owner");
  return withTenant(actor, (tx) => insertKey(tx, actor.tenantId, actor.userId, input));
}

export async function listApiKeys(actor: Actor): Promise<ApiKeySummary[]> {
  assertCan(actor, "settings.api_keys");
  return withTenant(actor, (tx) =>
    tx
      .select(summaryColumns)
      .from(apiKeys)
      .where(eq(apiKeys.tenantId, actor.tenantId))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)),
  );
}

export async function listApiKeysPage(actor: Actor, page: PageParams): Promise<ListPage<ApiKeySummary>> {
  assertCan(actor, "settings.api_keys");
  const scope = eq(apiKeys.tenantId, actor.tenantId);
  const keyset = { table: apiKeys, createdAt: apiKeys.createdAt, id: apiKeys.id, scope, where: scope };
  return withTenant(actor, (tx) =>
    keysetPage(tx, keyset, page, (where, orderBy, limit) =>
      tx
        .select(summaryColumns)
        .from(apiKeys)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    ),
  );
}

/** Revoked at once: the next request with it is a 401, on every instance (nothing caches a key). */
export async function revokeKey(tx: Tx, tenantId: string, id: string, actorUserId: string | null) {
  const [key] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(summaryColumns);
  if (!key) throw new NotFound("API key not found");
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "api_key.revoked",
    targetType: "api_key",
    targetId: id,
    details: { name: key.name, prefix: key.prefix },
  });
  return key;
}

export async function revokeApiKey(actor: Actor, id: string): Promise<ApiKeySummary> {
  assertCan(actor, "settings.api_keys");
  return withTenant(actor, (tx) => revokeKey(tx, actor.tenantId, id, actor.userId));
}

/**
 * A new secret; the old one keeps working for `graceHours` (0–24) so integrations can switch over.
 * The database trigger moves the old digest aside, so no one reads it back.
 */
export async function rollApiKey(actor: Actor, id: string, raw: unknown): Promise<IssuedApiKey> {
  assertCan(actor, "settings.api_keys");
  const { graceHours } = parse(RollApiKey, raw);
  const { secret, hash, prefix } = newSecret();
  const previousValidUntil = new Date(Date.now() + graceHours * 3_600_000);
  return withTenant(actor, async (tx) => {
    const [key] = await tx
      .update(apiKeys)
      .set({ secretHash: hash, prefix, previousValidUntil })
      .where(and(eq(apiKeys.tenantId, actor.tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(summaryColumns);
    if (!key) throw new NotFound("API key not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "api_key.rolled",
      targetType: "api_key",
      targetId: id,
      details: { name: key.name, prefix, previous_valid_until: previousValidUntil, grace_hours: graceHours },
    });
    return { key, secret };
  });
}
