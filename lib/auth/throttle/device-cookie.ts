import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { encryptionKeyring } from "@/lib/crypto";

/**
 * OWASP's device cookies: a browser that has signed in to an account gets a signed cookie naming
 * that account, and its sign-in attempts are counted against its own budget instead of the account's
 * shared one. An attacker (who has no such cookie) can exhaust the shared budget but cannot lock out
 * the owner on a browser they have used before.
 *
 * `d1.<key id>.<nonce>.<expires, unix s>.<HMAC-SHA256>`: the MAC covers the account (its normalized
 * email, which the cookie does not contain), nonce and expiry, with a key derived from the
 * ENCRYPTION_KEY keyring, so key rotation keeps cookies valid while the old key is listed.
 */

const VERSION = "d1";
export const DEVICE_COOKIE_DAYS = 365;

export function deviceCookieName(): string {
  return config().APP_URL.startsWith("https://") ? "__Host-boka_device" : "boka_device";
}

export function deviceCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config().APP_URL.startsWith("https://"),
    path: "/",
    expires,
  };
}

function mac(key: Buffer, account: string, nonce: string, expires: string): Buffer {
  const macKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "boka device cookie", 32));
  return createHmac("sha256", macKey).update(`${account}\n${nonce}\n${expires}`).digest();
}

/** A new device cookie value for `account` (a normalized email). */
export function issueDeviceToken(account: string, now = Date.now()): { token: string; expiresAt: Date } {
  const keyring = encryptionKeyring();
  const key = keyring.keys[keyring.current];
  if (!key) throw new Error("the current encryption key is missing from the keyring");
  const nonce = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now + DEVICE_COOKIE_DAYS * 86_400_000);
  const expires = String(Math.floor(expiresAt.getTime() / 1000));
  const signature = mac(key, account, nonce, expires).toString("base64url");
  return { token: [VERSION, keyring.current, nonce, expires, signature].join("."), expiresAt };
}

/** The device's nonce when `token` is a live device cookie for `account`; otherwise null. */
export function verifyDeviceToken(account: string, token: string | null | undefined, now = Date.now()) {
  const parts = token?.split(".") ?? [];
  const [version, keyId, nonce, expires, signature] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !nonce || !expires || !signature) return null;
  if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now) return null;
  const key = encryptionKeyring().keys[keyId];
  if (!key) return null;
  const expected = mac(key, account, nonce, expires);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
