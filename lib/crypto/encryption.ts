import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Envelope encryption for secrets at rest (e.g. TOTP seeds): AES-256-GCM with key ids so keys can rotate.
 *
 * Payload: `v1:<keyId>:<iv b64url>:<ciphertext||tag b64url>`. The key id travels with the ciphertext, so
 * after a rotation old rows still decrypt with the old key while new writes use the current one.
 *
 * ENCRYPTION_KEY format: comma-separated `<keyId>:<base64 of 32 random bytes>` entries; the FIRST entry is
 * the current (encrypting) key, the rest are only used to decrypt. Key ids are 1-32 chars of [A-Za-z0-9_-].
 *   ENCRYPTION_KEY=k1:$(openssl rand -base64 32)
 *   ENCRYPTION_KEY=k2:<new b64>,k1:<old b64>      # rotation: add the new key first, keep the old one
 * Key ids are authenticated along with the data, so never rename an id; add a new one instead.
 */

export type Keyring = { current: string; keys: Record<string, Buffer> };

export class DecryptionError extends Error {
  override name = "DecryptionError";
}

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM-native nonce size; random per message
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function keyFor(keyring: Keyring, keyId: string): Buffer {
  const key = Object.hasOwn(keyring.keys, keyId) ? keyring.keys[keyId] : undefined;
  if (!key)
    throw new DecryptionError(`Unknown encryption key id "${keyId}"; is ENCRYPTION_KEY missing an old key?`);
  if (key.length !== KEY_BYTES) throw new Error(`Encryption key "${keyId}" must be ${KEY_BYTES} bytes`);
  return key;
}

// The context (e.g. "mfa:<userId>") is associated data: a ciphertext copied into another user's row fails
// authentication instead of decrypting. Version and key id are bound too so the header can't be edited.
function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}\0${keyId}\0${context}`, "utf8");
}

export function encryptSecret(plaintext: string, keyring: Keyring, context = ""): string {
  const keyId = keyring.current;
  const key = keyFor(keyring, keyId);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(keyId, context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyId, iv.toString("base64url"), body.toString("base64url")].join(":");
}

export function decryptSecret(payload: string, keyring: Keyring, context = ""): string {
  const parts = payload.split(":");
  const [version, keyId, ivText, bodyText] = parts;
  if (parts.length !== 4 || version !== VERSION || !keyId || !ivText || !bodyText) {
    throw new DecryptionError("Malformed encrypted payload");
  }
  const key = keyFor(keyring, keyId);
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES)
    throw new DecryptionError("Malformed encrypted payload");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId, context));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return plain.toString("utf8");
  } catch {
    throw new DecryptionError(
      "Encrypted payload failed authentication (tampered, wrong key or wrong context)",
    );
  }
}

/** Parses the ENCRYPTION_KEY format described above. Throws with a message safe to log (no key material). */
export function parseKeyring(envValue: string): Keyring {
  const keys: Record<string, Buffer> = {};
  let current: string | undefined;
  for (const entry of envValue.split(",").map((e) => e.trim())) {
    const sep = entry.indexOf(":");
    const id = sep > 0 ? entry.slice(0, sep) : "";
    const b64 = entry.slice(sep + 1);
    if (!KEY_ID.test(id)) throw new Error("ENCRYPTION_KEY entries must look like <keyId>:<base64 32 bytes>");
    if (Object.hasOwn(keys, id)) throw new Error(`ENCRYPTION_KEY lists key id "${id}" twice`);
    const key = BASE64.test(b64) ? Buffer.from(b64, "base64") : Buffer.alloc(0);
    if (key.length !== KEY_BYTES)
      throw new Error(`ENCRYPTION_KEY key "${id}" must be base64 of ${KEY_BYTES} bytes`);
    keys[id] = key;
    current ??= id;
  }
  if (!current) throw new Error("ENCRYPTION_KEY is empty");
  return { current, keys };
}

/**
 * Embedded/dev default when ENCRYPTION_KEY is unset: a key generated once into `<dataDir>/encryption.key`
 * (same format as ENCRYPTION_KEY, mode 0600) and reused on later starts. Losing the file makes the
 * encrypted secrets unreadable, so it lives beside the embedded database it protects.
 */
export function loadOrCreateEmbeddedKeyring(dataDir: string): Keyring {
  const file = path.join(dataDir, "encryption.key");
  try {
    return parseKeyring(readFileSync(file, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Write a temp file, then link() it into place: link fails if the file exists, so two processes starting
  // together agree on one key and neither can read a half-written file.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, `k1:${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(tmp);
  }
  return parseKeyring(readFileSync(file, "utf8").trim());
}
