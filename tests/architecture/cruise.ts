import path from "node:path";
import { cruise, type IViolation } from "dependency-cruiser";

const ROOT = path.resolve(__dirname, "../..");

/** Runs the house's dependency rules (.dependency-cruiser.cjs) over `paths` below `baseDir`. */
export async function violations(paths: string[], baseDir = ROOT): Promise<IViolation[]> {
  const { default: config } = await import(path.join(ROOT, ".dependency-cruiser.cjs"));
  const result = await cruise(
    paths,
    {
      ...config.options,
      baseDir,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsConfig: { fileName: path.join(ROOT, "tsconfig.json") },
    },
    undefined,
    { tsConfig: undefined },
  );
  if (typeof result.output === "string") throw new Error(result.output);
  return result.output.summary.violations;
}

export const describeViolation = (v: IViolation) =>
  `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name).join(" → ")})` : ""}`;
