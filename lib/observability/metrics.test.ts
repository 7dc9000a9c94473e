import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exposition, timeJob } from "./metrics";

describe("the Grafana dashboard (docs/grafana-dashboard.json)", () => {
  it("queries only series this registry exports", async () => {
    const dashboard = JSON.parse(readFileSync("docs/grafana-dashboard.json", "utf8")) as {
      panels: { targets?: { expr: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr);
    expect(exprs.length).toBeGreaterThan(10);
    const used = new Set(exprs.flatMap((e) => e.match(/\b(boka|process|nodejs)_[a-z0-9_]+/g) ?? []));
    const { body } = await exposition();
    const exported = new Set(
      [...body.matchAll(/^# TYPE (\S+) (\w+)$/gm)].flatMap(([, name, type]) =>
        type === "histogram" ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
      ),
    );
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });
});

describe("timeJob", () => {
  it("times successful and failed runs and counts the failures", async () => {
    await timeJob("metrics-test", async () => "done");
    await expect(
      timeJob("metrics-test", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const { body } = await exposition();
    expect(body).toContain('boka_job_duration_seconds_count{job="metrics-test",outcome="ok"} 1');
    expect(body).toContain('boka_job_duration_seconds_count{job="metrics-test",outcome="failed"} 1');
    expect(body).toContain('boka_job_failures_total{job="metrics-test"} 1');
  });
});
