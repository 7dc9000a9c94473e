// Boka's HTTP entry point (npm run dev / npm start): Next.js behind a thin Node server.
// Why not `next start`: Next keeps a client-sent X-Forwarded-For, so without a trusted proxy in front a
// client could pick its own IP and dodge per-IP limits; and Next answers some /api/ requests (bad
// escapes, unknown paths, unsupported methods) with HTML, plain text or an empty body, where the API
// promises problem+json. scripts/http-entry.mjs does both.
import { createServer } from "node:http";
import next from "next";
import { allowFromOptions, requestListener } from "./http-entry.mjs";

const dev = process.argv.includes("--dev");
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustProxy = ["1", "true", "yes"].includes((process.env.TRUST_PROXY ?? "").toLowerCase());
process.env.NEXT_TELEMETRY_DISABLED = "1";

const app = next({ dev, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const allowOf = allowFromOptions(hostname, port);
createServer(requestListener(handle, { trustProxy, allowOf })).listen(port, hostname, () => {
  console.log(`Boka ${dev ? "(dev) " : ""}listening on http://localhost:${port}`);
});
