/**
 * Defect 6: every answer under /api/ is problem+json with a request id, including the ones Next.js
 * writes itself. The real request listener of scripts/serve.mjs runs here around a stand-in for Next's
 * handler that answers the way Next 16 does in each case (checked by hand against `next dev`): a
 * plain-text 500 for a bad escape, an HTML 404, an empty 405 (and an automatic OPTIONS with Allow).
 */
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowFromOptions, requestListener } from "@/scripts/http-entry.mjs";

const seen: string[] = [];

function fakeNext(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? "/";
  seen.push(`${req.method} ${url}`);
  res.setHeader("x-request-id", "from-the-proxy-1234");
  if (url.startsWith("/api/v1/public/tenants/")) {
    if (req.method === "OPTIONS") {
      res.writeHead(204, { Allow: "GET, HEAD, OPTIONS" });
      return res.end();
    }
    if (req.method !== "GET") {
      res.statusCode = 405;
      return res.end();
    }
    if (url.includes("%")) {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("Internal Server Error");
    }
    res.setHeader("content-type", "application/json");
    return res.end('{"ok":true}');
  }
  if (url === "/api/v1/invalid") {
    res.writeHead(422, { "content-type": "application/problem+json" });
    return res.end('{"status":422}');
  }
  if (url === "/api/v1/stream") {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("data: 1\n\n");
    return res.end("data: 2\n\n");
  }
  res.statusCode = 404;
  res.setHeader("content-type", "text/html; charset=utf-8");
  return res.end("<!DOCTYPE html><html><body>404: This page could not be found.</body></html>");
}

let port = 0;
const server = createServer();
beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
  server.on(
    "request",
    requestListener(fakeNext, { trustProxy: false, allowOf: allowFromOptions("127.0.0.1", port) }),
  );
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A raw request: the path goes out byte for byte (fetch would normalise `..` and `//`). */
function send(
  method: string,
  path: string,
): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function expectProblem(method: string, path: string, status: number) {
  const res = await send(method, path);
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toBe("application/problem+json");
  expect(res.headers["cache-control"]).toBe("private, no-store");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  const problem = JSON.parse(res.body);
  expect(problem).toMatchObject({ status, request_id: expect.any(String) });
  expect(res.headers["x-request-id"]).toBe(problem.request_id);
  return { ...res, problem };
}

describe("answers under /api/ (defect 6)", () => {
  it("a bad percent-escape in the path is a 400 problem, before Next sees it", async () => {
    await expectProblem("GET", "/api/v1/public/tenants/%E0%A4%A", 400);
    expect(seen).not.toContain("GET /api/v1/public/tenants/%E0%A4%A");
  });

  it("ids with ../ (raw or escaped) and empty segments are 404 problems", async () => {
    await expectProblem("GET", "/api/v1/public/bookings/..%2F..%2Fadmin", 404);
    await expectProblem("GET", "/api/v1/public/bookings/../tenants/demo", 404);
    await expectProblem("POST", "/api/v1/public/bookings//cancel", 404);
  });

  it("an unsupported method is a 405 problem with Allow", async () => {
    const res = await expectProblem("PATCH", "/api/v1/public/tenants/demo", 405);
    expect(res.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("Next's HTML 404 and plain-text 500 become problems that keep the proxy's request id", async () => {
    const missing = await expectProblem("GET", "/api/v1/nothing-here", 404);
    expect(missing.problem.request_id).toBe("from-the-proxy-1234");
    expect(missing.body).not.toContain("<html");
    const broken = await expectProblem("GET", "/api/v1/public/tenants/%25", 500);
    expect(broken.body).not.toContain("Internal Server Error");
  });

  it("leaves problems, successes, streams and pages outside /api/ as they are", async () => {
    expect((await send("GET", "/api/v1/invalid")).body).toBe('{"status":422}');
    expect((await send("GET", "/api/v1/public/tenants/demo")).body).toBe('{"ok":true}');
    expect((await send("GET", "/api/v1/stream")).body).toBe("data: 1\n\ndata: 2\n\n");
    const page = await send("GET", "/no-such-page");
    expect(page.status).toBe(404);
    expect(page.headers["content-type"]).toContain("text/html");
  });
});
