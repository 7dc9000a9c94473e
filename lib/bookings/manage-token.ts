import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Keyring } from "@/lib/crypto";
import { encryptionKeyring } from "@/lib/crypto";
import { type Tx, tables } from "@/lib/db";

/**
 * A booking's manage token is an HMAC of its id under a key derived (HKDF, its own label) from the
 * encryption keyring, so the worker can put a working link in every email without the token ever
 * being stored or carried in an event payload. Only its SHA-256 is stored, as before. Bookings made
 * when tokens were random keep working (their hash still matches); their emails link to the practice.
 */
const LABEL = "boka manage-token v1";

function tokenUnder(key: Buffer, bookingId: string): string {
  const subkey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), LABEL, 32));
  return createHmac("sha256", subkey).update(bookingId).digest("base64url");
}

export function hashManageToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** The token for a new booking, under the keyring's current key. */
export function deriveManageToken(bookingId: string, keyring: Keyring = encryptionKeyring()): string {
  const key = keyring.keys[keyring.current];
  if (!key) throw new Error("the keyring has no current key");
  return tokenUnder(key, bookingId);
}

/**
 * Recomputes the token whose hash is stored, trying every key in the ring (a key rotated out of first
 * place still opens the bookings made under it). Null for a random legacy token or a removed key.
 */
export function manageTokenFor(
  bookingId: string,
  storedHash: Buffer,
  keyring: Keyring = encryptionKeyring(),
): string | null {
  const ids = [keyring.current, ...Object.keys(keyring.keys).filter((id) => id !== keyring.current)];
  for (const id of ids) {
    const key = keyring.keys[id];
    if (!key) continue;
    const token = tokenUnder(key, bookingId);
    const hash = hashManageToken(token);
    if (hash.length === storedHash.length && timingSafeEqual(hash, storedHash)) return token;
  }
  return null;
}

/** The practice of the booking the token opens, or null (wrong id or token): the guest's only key. */
export async function tenantOfManagedBooking(
  tx: Tx,
  bookingId: string,
  token: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ tenantId: tables.bookings.tenantId })
    .from(tables.bookings)
    .where(
      and(eq(tables.bookings.id, bookingId), eq(tables.bookings.manageTokenHash, hashManageToken(token))),
    );
  return row?.tenantId ?? null;
}
