import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(__dirname, "../../lib");
const MAX_LINES = 320;
const isSource = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

function folders(dir: string): string[] {
  const subs = readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isDirectory());
  return [dir, ...subs.flatMap((n) => folders(path.join(dir, n)))];
}

/** Files in one folder whose names share the part before the first hyphen: a folder asking to exist. */
function sharedPrefixes(names: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const name of names.filter(isSource)) {
    const stem = name.replace(/\.tsx?$/, "").split("-")[0] ?? name;
    groups.set(stem, [...(groups.get(stem) ?? []), name]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

describe("lib/ layout", () => {
  it("finds a shared prefix when there is one", () => {
    expect(sharedPrefixes(["team.ts", "team-mail.ts", "audit.ts", "x.test.ts", "x-y.test.ts"])).toEqual([
      ["team.ts", "team-mail.ts"],
    ]);
  });

  it("no folder holds files that share a name prefix", () => {
    const offenders = folders(LIB).flatMap((dir) =>
      sharedPrefixes(readdirSync(dir)).map((g) => `${path.relative(LIB, dir) || "."}: ${g.join(", ")}`),
    );
    expect(offenders).toEqual([]);
  });

  it(`no file passes ${MAX_LINES} lines without saying why in its header`, () => {
    const offenders = folders(LIB).flatMap((dir) =>
      readdirSync(dir)
        .filter(isSource)
        .map((n) => path.join(dir, n))
        .filter((file) => {
          const lines = readFileSync(file, "utf8").split("\n");
          const header = lines.slice(0, 12).join("\n");
          return lines.length > MAX_LINES && !/Longer than 300 lines because/.test(header);
        })
        .map((file) => path.relative(LIB, file)),
    );
    expect(offenders).toEqual([]);
  });
});
