// First-load JavaScript of pages as Chromium downloads them (raw and gzipped), against a running server.
//   npm run build && npm start   # in another shell
//   npx tsx bench/page-weight.ts [base-url] [paths...]
// Prints figures; asserts nothing. Record results in docs/benchmarks.md.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ["/demo", "/", "/login"];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  for (const path of paths) {
    const page = await browser.newPage();
    const scripts = new Map<string, Buffer>();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      try {
        scripts.set(response.url(), await response.body());
      } catch {
        // a script the page navigated away from; not part of the first load
      }
    });
    await page.goto(base + path, { waitUntil: "networkidle" });
    const bodies = [...scripts.values()];
    const raw = bodies.reduce((n, b) => n + b.length, 0);
    const gz = bodies.reduce((n, b) => n + gzipSync(b).length, 0);
    console.log(
      `${path}: ${bodies.length} scripts, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped`,
    );
    await page.close();
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
