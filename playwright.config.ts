import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a downloaded browser. Flags keep it off the network it cannot reach.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: {
    // A fresh embedded database per run, with the demo practice seeded on first start.
    command: `rm -rf .data/e2e && npm start`,
    env: {
      PORT: String(port),
      EMBEDDED_DB_PATH: ".data/e2e",
      // The production build keeps the dev mailbox off unless asked: the notification specs read it.
      DEV_MAILBOX: "true",
      APP_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // The calendar-sync spec connects to a Radicale it starts on loopback http.
      CALDAV_ALLOW_HTTP: "1",
    },
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
