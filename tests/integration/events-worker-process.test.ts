/**
 * `npm run worker` as its own process: it refuses the embedded database (one process's files), and on
 * real Postgres it runs until SIGTERM, then stops claiming and exits cleanly.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function startWorkerProcess(env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "scripts/worker.ts"],
    {
      env: { ...env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe("npm run worker", () => {
  it("refuses to run without DATABASE_URL", async () => {
    const { DATABASE_URL: _, DATABASE_MIGRATION_URL: __, ...env } = process.env;
    const worker = startWorkerProcess({ ...env, EMBEDDED_DB_PATH: "memory://" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("npm run worker needs DATABASE_URL");
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)(
    "stops gracefully on SIGTERM (real Postgres only; skipped on the embedded database)",
    async () => {
      // A pool of its own: on a shared test database it must not take other files' events.
      const worker = startWorkerProcess({ ...process.env, WORKER_TYPES: "test.worker_process" });
      const until = Date.now() + 60_000;
      while (!worker.output().includes("outbox worker started") && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(worker.output()).toContain("outbox worker started");
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain("outbox worker stopped");
    },
    90_000,
  );
});
