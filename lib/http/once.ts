/**
 * Idempotency for requests whose work runs in its own transactions (the team API's lib calls): a key is
 * claimed first in a short transaction, so a concurrent request with it sees "in flight" (409) instead
 * of running twice; the response is stored when the work is done, or the claim dropped when it failed
 * (a retry then runs afresh). A claim left by a crashed process is taken over after IN_FLIGHT_MINUTES.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Actor, tables, withTenant } from "@/lib/db";
import { Conflict, ValidationFailed } from "@/lib/errors";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_TTL_HOURS, type StoredResponse } from "./idempotency";

const { idempotencyKeys } = tables;
const IN_FLIGHT = 0;
const IN_FLIGHT_MINUTES = 5;

export type Claim = { replay: null } | { replay: StoredResponse };

const where = (tenantId: string, key: string) =>
  and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key));

export function claimIdempotencyKey(
  actor: Extract<Actor, { kind: "member" }>,
  key: string,
  hash: string,
): Promise<Claim> {
  return withTenant(actor, async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({
        tenantId: actor.tenantId,
        key,
        requestHash: hash,
        responseStatus: IN_FLIGHT,
        responseBody: {},
      })
      .onConflictDoUpdate({
        target: [idempotencyKeys.tenantId, idempotencyKeys.key],
        set: { requestHash: hash, responseStatus: IN_FLIGHT, responseBody: {}, createdAt: sql`now()` },
        setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
          or (${idempotencyKeys.responseStatus} = ${IN_FLIGHT}
              and ${idempotencyKeys.createdAt} < now() - make_interval(mins => ${IN_FLIGHT_MINUTES}))`,
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) return { replay: null };
    const [stored] = await tx
      .select({
        requestHash: idempotencyKeys.requestHash,
        status: idempotencyKeys.responseStatus,
        body: idempotencyKeys.responseBody,
      })
      .from(idempotencyKeys)
      .where(where(actor.tenantId, key));
    if (!stored) throw new Conflict("The Idempotency-Key could not be claimed; retry the request.");
    if (stored.requestHash !== hash) {
      throw new ValidationFailed("This Idempotency-Key was already used for a different request.", [
        { field: IDEMPOTENCY_HEADER, message: "Already used with a different request; use a new key" },
      ]);
    }
    if (stored.status === IN_FLIGHT) {
      throw new Conflict("A request with this Idempotency-Key is still being processed; retry shortly.");
    }
    return { replay: { status: stored.status, body: stored.body as Record<string, unknown> } };
  });
}

export async function completeIdempotencyKey(
  actor: Extract<Actor, { kind: "member" }>,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await withTenant(actor, (tx) =>
    tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body })
      .where(where(actor.tenantId, key)),
  );
}

export async function releaseIdempotencyKey(actor: Extract<Actor, { kind: "member" }>, key: string) {
  await withTenant(actor, (tx) => tx.delete(idempotencyKeys).where(where(actor.tenantId, key)));
}
