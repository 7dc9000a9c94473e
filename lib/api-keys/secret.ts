import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { KEY_PREFIX } from "./fields";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 43 base62 characters carry 256 bits (43 × log2 62 ≈ 256.1): the "at least 32 random bytes". */
const SECRET_CHARS = 43;
const DISPLAY_CHARS = KEY_PREFIX.length + 6;
const SHAPE = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${SECRET_CHARS}}$`);

/** A new key: `boka_live_` and 43 uniform base62 characters (randomInt rejects biased draws). */
export function newSecret(): { secret: string; hash: Buffer; prefix: string } {
  let body = "";
  for (let i = 0; i < SECRET_CHARS; i++) body += BASE62[randomInt(62)];
  const secret = `${KEY_PREFIX}${body}`;
  return { secret, hash: digest(secret), prefix: secret.slice(0, DISPLAY_CHARS) };
}

/** SHA-256 of the whole key: what the database keeps. */
export function digest(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}

/** Rejects anything that cannot be a key before it costs a database round trip. */
export function looksLikeKey(token: string): boolean {
  return SHAPE.test(token);
}

export function sameDigest(a: Buffer | null, b: Buffer): boolean {
  return a !== null && a.length === b.length && timingSafeEqual(a, b);
}
