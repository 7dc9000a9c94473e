import path from "node:path";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability";
import { type Keyring, loadOrCreateEmbeddedKeyring, parseKeyring } from "./encryption";

/** Where the embedded default keeps its generated key, beside the embedded database. */
export const EMBEDDED_KEY_DIR = ".data";

let cached: { source: string; keyring: Keyring } | undefined;

/**
 * The keyring for secrets at rest (TOTP seeds): ENCRYPTION_KEY when set, otherwise a key generated once
 * into `.data/encryption.key`. Re-reads config so tests can switch keys.
 */
export function encryptionKeyring(): Keyring {
  const value = config().ENCRYPTION_KEY;
  const source = value ?? `file:${EMBEDDED_KEY_DIR}`;
  if (cached?.source === source) return cached.keyring;
  if (!value && config().DATABASE_URL) {
    // The database and the key would live apart: losing this machine's .data/ loses every MFA secret.
    logger.warn("ENCRYPTION_KEY is not set: using a key generated into .data/encryption.key");
  }
  const keyring = value
    ? parseKeyring(value)
    : loadOrCreateEmbeddedKeyring(path.join(/*turbopackIgnore: true*/ process.cwd(), EMBEDDED_KEY_DIR));
  cached = { source, keyring };
  return keyring;
}
