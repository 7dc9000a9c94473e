import { describe, expect, it } from "vitest";
import {
  BACKUP_CODE_ALPHABET,
  BACKUP_CODE_LENGTH,
  findMatchingBackupCode,
  generateBackupCodes,
  hashBackupCodes,
  normalizeBackupCode,
} from "./backup-codes";

describe("generateBackupCodes", () => {
  it("makes 10 distinct XXXXX-XXXXX codes of at least 50 bits", () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(new Set(BACKUP_CODE_ALPHABET).size).toBe(32);
    expect(BACKUP_CODE_LENGTH * Math.log2(BACKUP_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(50);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(normalizeBackupCode(code)).toHaveLength(BACKUP_CODE_LENGTH);
    }
  });

  it("uses the whole alphabet (no bias toward a subset)", () => {
    const seen = new Set(generateBackupCodes(200).join("").replace(/-/g, ""));
    expect(seen.size).toBe(32);
  });
});

describe("normalizeBackupCode", () => {
  it("ignores case, dashes and spaces and maps Crockford look-alikes", () => {
    expect(normalizeBackupCode(" abcde-fgh01 ")).toBe("ABCDEFGH01");
    expect(normalizeBackupCode("ab cd ef gh 01")).toBe("ABCDEFGH01");
    expect(normalizeBackupCode("O0iIl-L1234")).toBe("0011111234");
  });

  it("rejects wrong lengths and symbols outside the alphabet", () => {
    expect(normalizeBackupCode("ABCDE-FGH0")).toBeNull();
    expect(normalizeBackupCode("ABCDE-FGH012")).toBeNull();
    expect(normalizeBackupCode("ABCDE-FGHU1")).toBeNull();
    expect(normalizeBackupCode("ABCDE_FGH01")).toBeNull();
    expect(normalizeBackupCode("")).toBeNull();
  });
});

describe("hashing and matching", () => {
  it("stores argon2id hashes, matches any spelling, and rejects wrong codes", async () => {
    const codes = generateBackupCodes(3);
    const hashes = await hashBackupCodes(codes);
    const rows = hashes.map((hash, i) => ({ id: `row-${i}`, hash }));
    for (const [i, hash] of hashes.entries()) {
      expect(hash.startsWith("$argon2id$")).toBe(true);
      expect(hash).not.toContain(codes[i]);
      expect(hash).not.toContain(normalizeBackupCode(codes[i] ?? ""));
    }
    const second = codes[1] ?? "";
    expect(await findMatchingBackupCode(second, rows)).toBe("row-1");
    const sloppy = second.toLowerCase().replace("-", " ").replace(/0/g, "o").replace(/1/g, "l");
    expect(await findMatchingBackupCode(sloppy, rows)).toBe("row-1");

    const alphabetShift = (c: string) =>
      BACKUP_CODE_ALPHABET[(BACKUP_CODE_ALPHABET.indexOf(c) + 1) % 32] ?? c;
    const wrong = `${second.slice(0, -1)}${alphabetShift(second.slice(-1))}`;
    expect(await findMatchingBackupCode(wrong, rows)).toBeNull();
    expect(await findMatchingBackupCode("not a code", rows)).toBeNull();
    expect(await findMatchingBackupCode(second, [])).toBeNull();
  });

  it("refuses to hash something that is not a backup code", async () => {
    await expect(hashBackupCodes(["short"])).rejects.toThrow(/Not a backup code/);
  });
});
