/**
 * A short-lived, per-process cache of public availability answers. Many visitors of one practice ask the
 * same question within seconds; answering from memory keeps the endpoint fast under load. It is safe
 * because availability only advises: every booking is re-checked in the database (engine + exclusion
 * constraints), so a slot taken in the last moments ends in a clean 409, never a double booking.
 * Concurrent misses for one key share a single computation. This process's public booking writes drop
 * the practice's entries at once; a change announced by any instance (lib/events live updates, from the
 * dashboard, the API or another web process) drops them when the hint arrives.
 */
import { subscribeAllChanges } from "@/lib/events";
import { metrics } from "@/lib/observability";

const MAX_ENTRIES = 2_000;

type Entry<T> = { slug: string; expiresAt: number; value: Promise<T> };

const entries = new Map<string, Entry<unknown>>();
/** Live-update hints name the practice by id; answers are cached by slug. */
const slugOfTenant = new Map<string, string>();
let listening = false;

function listenForChanges() {
  if (listening) return;
  listening = true;
  subscribeAllChanges((change) => {
    const slug = slugOfTenant.get(change.tenantId);
    if (slug && change.channel.startsWith("availability:")) forgetAvailability(slug);
  });
}

/** Remembers which practice a slug is, so announced changes can find its cached answers. */
export function noteTenantSlug(tenantId: string, slug: string): void {
  if (slugOfTenant.size >= MAX_ENTRIES && !slugOfTenant.has(tenantId)) slugOfTenant.clear();
  slugOfTenant.set(tenantId, slug);
}

export function cachedAvailability<T>(
  slug: string,
  key: string,
  ttlSeconds: number,
  compute: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  if (ttlSeconds <= 0) return compute();
  listenForChanges();
  const cacheKey = `${slug}\n${key}`;
  const hit = entries.get(cacheKey) as Entry<T> | undefined;
  if (hit && hit.expiresAt > now) {
    metrics().availabilityCache.inc({ result: "hit" });
    return hit.value;
  }
  metrics().availabilityCache.inc({ result: "miss" });
  const value = compute();
  entries.set(cacheKey, { slug, expiresAt: now + ttlSeconds * 1000, value });
  // Errors (404, 422) are not kept: the next request asks again.
  value.catch(() => {
    if (entries.get(cacheKey)?.value === value) entries.delete(cacheKey);
  });
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}

/** After this process changed a practice's bookings, its cached answers are wrong: drop them. */
export function forgetAvailability(slug: string): void {
  for (const [key, entry] of entries) if (entry.slug === slug) entries.delete(key);
}
