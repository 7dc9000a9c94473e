import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeViolation, violations } from "./cruise";

// The real tree: no import cycle, front doors only, a pure engine, components below app, no test code
// in production bundles. The fixture tree proves each rule actually fires.
describe("layering (dependency-cruiser over the import graph)", () => {
  it("the tree breaks none of the house's rules", async () => {
    const found = await violations([
      "app",
      "components",
      "lib",
      "scripts",
      "bench",
      "tests",
      "instrumentation.ts",
      "proxy.ts",
    ]);
    expect(found.map(describeViolation)).toEqual([]);
  }, 120_000);

  it("each rule refuses what it is for (fixture tree)", async () => {
    const found = await violations(["app", "components", "lib"], path.join(__dirname, "fixtures"));
    const fired = new Set(found.map((v) => v.rule.name));
    expect([...fired].sort()).toEqual(
      [
        "components-below-app",
        "front-door-between-domains",
        "front-door-from-outside-lib",
        "no-cycles",
        "scheduling-is-pure",
        "scheduling-no-builtins",
      ].sort(),
    );
    const pageOk = found.filter((v) => v.from === "app/page.ts");
    expect(pageOk).toEqual([]);
  }, 120_000);
});
