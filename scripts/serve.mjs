// Boka's HTTP entry point (npm run dev / npm start): Next.js behind a thin Node server.
// Why not `next start`: Next keeps a client-sent X-Forwarded-For, so without a trusted proxy in front a
// client could pick its own IP and dodge per-IP limits. Here, unless TRUST_PROXY is set, forwarding
// headers from the client are dropped and Next records the socket's address instead.
import { createServer } from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustProxy = ["1", "true", "yes"].includes((process.env.TRUST_PROXY ?? "").toLowerCase());
process.env.NEXT_TELEMETRY_DISABLED = "1";

const app = next({ dev, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  if (!trustProxy) {
    for (const name of [
      "x-forwarded-for",
      "x-real-ip",
      "x-forwarded-host",
      "x-forwarded-proto",
      "x-forwarded-port",
    ]) {
      delete req.headers[name];
    }
  }
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Boka ${dev ? "(dev) " : ""}listening on http://localhost:${port}`);
});
