import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DecryptionError,
  decryptSecret,
  encryptSecret,
  type Keyring,
  loadOrCreateEmbeddedKeyring,
  parseKeyring,
} from "./encryption";

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring1: Keyring = { current: "k1", keys: { k1 } };
const ring21: Keyring = { current: "k2", keys: { k2, k1 } };

describe("encryptSecret / decryptSecret", () => {
  it("round-trips and uses a fresh IV each time", () => {
    const a = encryptSecret("JBSWY3DPEHPK3PXP", ring1, "mfa:u1");
    const b = encryptSecret("JBSWY3DPEHPK3PXP", ring1, "mfa:u1");
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(decryptSecret(a, ring1, "mfa:u1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("decrypts old payloads after rotation and encrypts with the current key", () => {
    const old = encryptSecret("s", ring1, "c");
    expect(decryptSecret(old, ring21, "c")).toBe("s");
    expect(encryptSecret("s", ring21, "c").startsWith("v1:k2:")).toBe(true);
  });

  it("refuses an unknown key id", () => {
    const payload = encryptSecret("s", ring21);
    expect(() => decryptSecret(payload, ring1)).toThrow(/Unknown encryption key id "k2"/);
  });

  it("refuses a ciphertext moved to another context (user)", () => {
    const payload = encryptSecret("s", ring1, "mfa:alice");
    expect(() => decryptSecret(payload, ring1, "mfa:bob")).toThrow(DecryptionError);
  });

  it("refuses tampered or malformed data", () => {
    const payload = encryptSecret("secret", ring1);
    const [v, id, iv, body] = payload.split(":") as [string, string, string, string];
    const bytes = Buffer.from(body, "base64url");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = [v, id, iv, bytes.toString("base64url")].join(":");
    expect(() => decryptSecret(tampered, ring1)).toThrow(/failed authentication/);
    expect(() => decryptSecret(`${payload}:x`, ring1)).toThrow(/Malformed/);
    expect(() => decryptSecret("v2:k1:a:b", ring1)).toThrow(/Malformed/);
    expect(() => decryptSecret([v, id, "AAAA", body].join(":"), ring1)).toThrow(/Malformed/);
    // A payload claiming a key id from another keyring with the same bytes still fails: the id is bound.
    const renamed = [v, "k9", iv, body].join(":");
    expect(() => decryptSecret(renamed, { current: "k9", keys: { k9: k1 } })).toThrow(DecryptionError);
  });
});

describe("parseKeyring", () => {
  it("parses one key or a list whose first entry is current", () => {
    const one = parseKeyring(`k1:${k1.toString("base64")}`);
    expect(one.current).toBe("k1");
    expect(one.keys.k1?.equals(k1)).toBe(true);
    const two = parseKeyring(` k2:${k2.toString("base64")} , k1:${k1.toString("base64")}`);
    expect(two.current).toBe("k2");
    expect(Object.keys(two.keys)).toEqual(["k2", "k1"]);
  });

  it("rejects wrong sizes, bad ids, duplicates and empty values without echoing keys", () => {
    const short = randomBytes(16).toString("base64");
    expect(() => parseKeyring(`k1:${short}`)).toThrow(/32 bytes/);
    expect(() => parseKeyring(k1.toString("base64"))).toThrow(/<keyId>:/);
    expect(() => parseKeyring(`a b:${k1.toString("base64")}`)).toThrow(/<keyId>:/);
    expect(() => parseKeyring(`k1:${k1.toString("base64")},k1:${k2.toString("base64")}`)).toThrow(/twice/);
    expect(() => parseKeyring("")).toThrow();
    expect(() => parseKeyring("k1:not base64!!")).toThrow(/32 bytes/);
    try {
      parseKeyring(`k1:${short}`);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });
});

describe("loadOrCreateEmbeddedKeyring", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("creates a 0600 key file once and reuses it", () => {
    const base = mkdtempSync(path.join(tmpdir(), "boka-key-"));
    dirs.push(base);
    const dataDir = path.join(base, "nested");
    const first = loadOrCreateEmbeddedKeyring(dataDir);
    const file = path.join(dataDir, "encryption.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateEmbeddedKeyring(dataDir);
    expect(second.current).toBe(first.current);
    expect(second.keys[second.current]?.equals(first.keys[first.current] ?? Buffer.alloc(0))).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^k1:[A-Za-z0-9+/]+=*\n$/);
    const payload = encryptSecret("x", first, "c");
    expect(decryptSecret(payload, second, "c")).toBe("x");
  });
});
