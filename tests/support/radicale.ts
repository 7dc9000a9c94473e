import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real CalDAV server for tests: Radicale (Debian package `radicale`) on a loopback port with a throwaway
 * storage folder and one htpasswd user (plain text: Debian's 3.1 reads it without extra modules), started
 * per suite so every run begins empty. CALDAV_TESTS=on turns the suite on (.ci/run sets it).
 */
export const RADICALE_BIN = process.env.RADICALE_BIN ?? "/usr/bin/radicale";
export const TEST_USER = { username: "priya", password: "app-password-for-tests" };

/** Why the CalDAV suite cannot run here, or null when it can. */
export function caldavUnavailable(): string | null {
  if (process.env.CALDAV_TESTS !== "on")
    return "no CalDAV server configured: set CALDAV_TESTS=on (.ci/run does)";
  if (!existsSync(RADICALE_BIN))
    return `CALDAV_TESTS=on but ${RADICALE_BIN} is missing: apt-get install radicale`;
  return null;
}

export type CalDavServer = { url: string; calendarUrl: (name: string) => string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts Radicale with the given calendars created for the test user. */
export async function startCalDav(calendars: string[]): Promise<CalDavServer> {
  const root = mkdtempSync(path.join(tmpdir(), "boka-radicale-"));
  const port = await freePort();
  const users = path.join(root, "users");
  writeFileSync(users, `${TEST_USER.username}:${TEST_USER.password}\n`);
  for (const name of calendars) {
    const dir = path.join(root, "collections", "collection-root", TEST_USER.username, name);
    mkdirSync(dir, { recursive: true });
    const props = { tag: "VCALENDAR", "D:displayname": name, "C:supported-calendar-component-set": "VEVENT" };
    writeFileSync(path.join(dir, ".Radicale.props"), JSON.stringify(props));
  }
  const args = {
    "--config": "",
    "--server-hosts": `127.0.0.1:${port}`,
    "--storage-filesystem-folder": path.join(root, "collections"),
    "--auth-type": "htpasswd",
    "--auth-htpasswd-filename": users,
    "--auth-htpasswd-encryption": "plain",
    "--rights-type": "owner_only",
    "--logging-level": "warning",
  };
  const child = spawn(RADICALE_BIN, Object.entries(args).flat(), { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, () => stderr, child);
  return {
    url,
    calendarUrl: (name) => new URL(`${TEST_USER.username}/${name}/`, url).toString(),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function waitForServer(url: string, stderr: () => string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Radicale exited (${child.exitCode}): ${stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Radicale did not start at ${url}: ${stderr()}`);
}
