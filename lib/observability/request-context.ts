import type { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one HTTP request learned about itself, for its log line and metrics. scripts/serve.mjs opens a
 * store per request (an AsyncLocalStorage shared through globalThis, because serve.mjs is plain Node and
 * Next's bundles each load their own copy of this module); the database layer fills it in. Outside
 * serve.mjs (tests, scripts) there is no store and these calls do nothing.
 */
export type RequestFacts = {
  requestId: string;
  tenantId?: string;
  /** lib/db's Actor kind: member, user, customer, anon (typed loosely so lib/db can import this file). */
  actorKind?: string;
  usedSystem?: boolean;
};

const STORE = Symbol.for("boka.requestContext");
const globalForContext = globalThis as unknown as { [STORE]?: AsyncLocalStorage<RequestFacts> };

export function currentRequest(): RequestFacts | undefined {
  return globalForContext[STORE]?.getStore();
}

/** The more specific actor wins: a dashboard page reads as the user before it reads as the member. */
const SPECIFICITY: Record<string, number> = { anon: 0, user: 1, member: 2, customer: 2 };

export function noteActor(actor: { kind: string; tenantId?: string }): void {
  const facts = currentRequest();
  if (!facts) return;
  if (facts.actorKind && (SPECIFICITY[facts.actorKind] ?? 0) >= (SPECIFICITY[actor.kind] ?? 0)) return;
  facts.actorKind = actor.kind;
  if (actor.tenantId) facts.tenantId = actor.tenantId;
}

export function noteSystem(): void {
  const facts = currentRequest();
  if (facts) facts.usedSystem = true;
}
