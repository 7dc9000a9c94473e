// Every answer under /api/ is RFC 9457 problem+json with a request id and the security headers, even
// the ones Next.js writes itself before or beside our route handlers: a malformed percent-escape
// (a plain-text error), a path no route matches (an HTML page), a method a route does not export (an
// empty 405). Plain JavaScript because scripts/serve.mjs runs on bare Node.
import { randomUUID } from "node:crypto";

const PROBLEM_BASE = "https://boka.dev/problems/";
const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

const SECURITY_HEADERS = {
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

const PROBLEMS = {
  400: ["bad-request", "Bad request", "The request address is not valid."],
  404: ["not-found", "Not found", "Nothing exists at this address."],
  405: ["method-not-allowed", "Method not allowed", "This address does not accept this method."],
  500: [
    "internal",
    "Something went wrong",
    "An unexpected error occurred. Quote the request id if you contact support.",
  ],
};

export function isApiPath(url) {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

/**
 * A path Next would answer badly: a malformed percent-escape (400); an empty segment or a `.`/`..`
 * segment, raw or escaped (404: such an id names nothing). Null when the path is fine.
 */
export function badApiPath(url) {
  const path = url.split("?")[0] ?? "";
  const segments = path.split("/").slice(1);
  const decoded = [];
  for (const segment of segments) {
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      return 400;
    }
  }
  const last = decoded.length - 1;
  const nameless = decoded.some(
    (s, i) => (s === "" && i !== last) || s === "." || s === ".." || s.includes("/") || s.includes("\\"),
  );
  return nameless ? 404 : null;
}

function requestIdOf(req, res) {
  const fromProxy = res.getHeader("x-request-id");
  if (typeof fromProxy === "string" && REQUEST_ID.test(fromProxy)) return fromProxy;
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function problemBody(status, requestId) {
  const [type, title, detail] = PROBLEMS[status] ?? (status >= 500 ? PROBLEMS[500] : PROBLEMS[400]);
  return JSON.stringify({ type: `${PROBLEM_BASE}${type}`, title, status, detail, request_id: requestId });
}

/** Writes a problem response from scratch (nothing of Next's answer is kept but Allow). */
export function sendProblem(req, res, status, writeHead = res.writeHead, end = res.end, allow = null) {
  const requestId = requestIdOf(req, res);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const body = problemBody(status, requestId);
  const headers = {
    ...SECURITY_HEADERS,
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
    "x-request-id": requestId,
    ...(allow ? { allow } : {}),
  };
  writeHead.call(res, status, headers);
  end.call(res, req.method === "HEAD" ? undefined : body);
}

function contentTypeOf(res, headersArg) {
  let value = res.getHeader("content-type");
  if (headersArg && !Array.isArray(headersArg)) {
    for (const [name, v] of Object.entries(headersArg)) if (name.toLowerCase() === "content-type") value = v;
  }
  return String(value ?? "");
}

/**
 * Watches the response Next writes: an error status (>= 400) that is not already problem+json is
 * replaced by one. `allowOf(url)` names the methods a path accepts, for a 405's Allow header.
 */
export function guardApiResponse(req, res, allowOf) {
  const { writeHead, write, end } = res;
  let replacing = null;
  const decide = (status, headersArg) => {
    if (replacing !== null) return replacing;
    replacing = status >= 400 && !contentTypeOf(res, headersArg).startsWith("application/problem+json");
    return replacing;
  };
  res.writeHead = function guardedWriteHead(status, ...rest) {
    const headersArg = rest.find((a) => a && typeof a === "object");
    if (decide(status, headersArg)) {
      res.statusCode = status;
      return res;
    }
    return writeHead.call(res, status, ...rest);
  };
  res.write = function guardedWrite(...args) {
    if (decide(res.statusCode)) return true;
    return write.apply(res, args);
  };
  res.end = function guardedEnd(...args) {
    if (!decide(res.statusCode)) return end.apply(res, args);
    const status = res.statusCode;
    const fromNext = res.getHeader("allow");
    const allow = status === 405 && !fromNext ? allowOf(req.url) : Promise.resolve(fromNext ?? null);
    allow
      .catch(() => null)
      .then((methods) => sendProblem(req, res, status, writeHead, end, methods ? String(methods) : null));
    return res;
  };
}

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
];

/**
 * The HTTP entry point's request listener around Next's handler. Unless `trustProxy`, forwarding
 * headers from the client are dropped (Next then records the socket's address), so a client cannot
 * pick its own IP and dodge per-IP limits. Under /api/, a path Next would answer badly is answered
 * here, and every other error answer is turned into problem+json.
 */
export function requestListener(handle, { trustProxy, allowOf }) {
  return (req, res) => {
    if (!trustProxy) for (const name of FORWARDING_HEADERS) delete req.headers[name];
    const url = req.url ?? "/";
    if (isApiPath(url)) {
      const bad = badApiPath(url);
      if (bad) return sendProblem(req, res, bad);
      guardApiResponse(req, res, allowOf);
    }
    return handle(req, res);
  };
}

/**
 * Next's automatic OPTIONS answer lists the methods a route exports; a 405 borrows it for its Allow
 * header by asking this server itself (only 405s pay for the extra request).
 */
export function allowFromOptions(hostname, port) {
  const self = ["0.0.0.0", "::", ""].includes(hostname) ? "127.0.0.1" : hostname;
  const origin = `http://${self.includes(":") ? `[${self}]` : self}:${port}`;
  return async (url) => {
    const res = await fetch(new URL(url, origin), { method: "OPTIONS" });
    return res.ok ? res.headers.get("allow") : null;
  };
}
