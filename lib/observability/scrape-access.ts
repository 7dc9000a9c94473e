import { timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { Forbidden, Unauthenticated } from "@/lib/errors";

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/**
 * Who may scrape /api/metrics: with METRICS_TOKEN, whoever sends it as a bearer token; without, only a
 * client on this machine (the address serve.mjs saw, or the right-most one a trusted proxy reported).
 */
export function assertMayScrape(authorization: string | null, clientIp: string | null): void {
  const token = config().METRICS_TOKEN;
  if (token) {
    const offered = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? "")?.[1] ?? "");
    const expected = Buffer.from(token);
    if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) {
      throw new Unauthenticated("A valid metrics bearer token is required.");
    }
    return;
  }
  if (!clientIp || !LOOPBACK.test(clientIp)) {
    throw new Forbidden("Metrics are served to this machine only unless METRICS_TOKEN is set.");
  }
}
