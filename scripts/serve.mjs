// Boka's HTTP entry point (npm run dev / npm start, and the container image): Next.js behind a thin
// Node server.
// Why not `next start`: Next keeps a client-sent X-Forwarded-For, so without a trusted proxy in front a
// client could pick its own IP and dodge per-IP limits; and Next answers some /api/ requests (bad
// escapes, unknown paths, unsupported methods) with HTML, plain text or an empty body, where the API
// promises problem+json. scripts/http-entry.mjs does both.
// Every request also gets a request id and a context store (lib/observability/request-context.ts),
// and when it finishes one log line and one metrics sample (lib/observability/http-requests.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import next from "next";
import { allowFromOptions, requestListener } from "./http-entry.mjs";

const dev = process.argv.includes("--dev");
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustProxy = ["1", "true", "yes"].includes((process.env.TRUST_PROXY ?? "").toLowerCase());
process.env.NEXT_TELEMETRY_DISABLED = "1";

// In the standalone image there is no next.config.ts (nor TypeScript to load it): the build wrote the
// resolved config beside the output, and Next reads it from this variable, as its own server.js does.
if (!dev && !existsSync("next.config.ts") && existsSync(".next/required-server-files.json")) {
  const { config } = JSON.parse(readFileSync(".next/required-server-files.json", "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

const contexts = new AsyncLocalStorage();
globalThis[Symbol.for("boka.requestContext")] = contexts;
const observer = () => globalThis[Symbol.for("boka.requestObserver")];

const app = next({ dev, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const listener = requestListener(handle, { trustProxy, allowOf: allowFromOptions(hostname, port) });
createServer((req, res) => {
  // The same rule as lib/http/request.ts: a proxy's well-formed id is kept, anything else replaced.
  // (Forwarding headers are dropped by the listener before Next sees them, unless TRUST_PROXY.)
  const incoming = req.headers["x-request-id"];
  const requestId =
    typeof incoming === "string" && /^[A-Za-z0-9._-]{8,80}$/.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  const facts = { requestId };
  const started = performance.now();
  res.once("close", () => {
    observer()?.({
      ...facts,
      method: req.method ?? "GET",
      pathname: (req.url ?? "/").split("?")[0],
      // 499 (nginx's word for it): the client went away before the response was complete.
      status: res.writableFinished ? res.statusCode : 499,
      durationMs: performance.now() - started,
    });
  });
  contexts.run(facts, () => listener(req, res));
}).listen(port, hostname, () => {
  console.log(`Boka ${dev ? "(dev) " : ""}listening on http://localhost:${port}`);
});
