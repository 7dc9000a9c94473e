import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";

const { idempotencyKeys } = tables;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** A key older than this is forgotten: its next use starts afresh (and replays stop exposing old bodies). */
export const IDEMPOTENCY_TTL_HOURS = 24;

export type StoredResponse = { status: number; body: Record<string, unknown> };

/** The Idempotency-Key header: absent → null; present, it must be 1–200 printable ASCII characters. */
export function idempotencyKey(headers: Headers): string | null {
  const key = headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!/^[\x20-\x7e]{1,200}$/.test(key) || !key.trim()) {
    const message = "Use 1–200 printable ASCII characters";
    throw new ValidationFailed("The Idempotency-Key header is invalid.", [
      { field: IDEMPOTENCY_HEADER, message },
    ]);
  }
  return key;
}

/** JSON with object keys sorted at every depth, so equal values always serialise the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export function requestHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("base64url");
}

/**
 * Runs `run` at most once per (tenant, key) and replays its stored response for a repeat with the same
 * request hash; the same key with another request is a 422. Call it inside the transaction that does
 * the work: the key is claimed first, so a concurrent request with the same key waits on the claim and
 * then replays, and a failed attempt rolls the claim back with everything else (a retry runs afresh).
 */
export async function idempotent(
  tx: Tx,
  tenantId: string,
  key: string | null,
  hash: string,
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (key === null) return { ...(await run()), replayed: false };
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ tenantId, key, requestHash: hash, responseStatus: 0, responseBody: {} })
    .onConflictDoUpdate({
      target: [idempotencyKeys.tenantId, idempotencyKeys.key],
      set: { requestHash: hash, responseStatus: 0, responseBody: {}, createdAt: sql`now()` },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
    })
    .returning({ key: idempotencyKeys.key });

  const where = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key));
  if (claimed.length) {
    const response = await run();
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body })
      .where(where);
    return { ...response, replayed: false };
  }

  const [stored] = await tx
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(where);
  if (!stored) throw new Error("idempotency key vanished between claim and read");
  if (stored.requestHash !== hash) {
    throw new ValidationFailed("This Idempotency-Key was already used for a different request.", [
      { field: IDEMPOTENCY_HEADER, message: "Already used with a different request body; use a new key" },
    ]);
  }
  return { status: stored.status, body: stored.body as Record<string, unknown>, replayed: true };
}
