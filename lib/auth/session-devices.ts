import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { config } from "@/lib/config";
import { tables, withSystem, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { forgetCachedSessions, type Session } from "./sessions";

const { userSessions } = tables;

/** One signed-in device as the user sees it on the security page. */
export type DeviceSession = {
  id: string;
  browser: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** "Firefox on Windows" — a plain label from the user agent; good enough to recognise a device. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown browser";
}

/** The user's live sessions (not MFA challenges), most recently used first; RLS limits them to their own. */
export async function listDeviceSessions(current: Session): Promise<DeviceSession[]> {
  const now = Date.now();
  const idleSince = new Date(now - config().SESSION_IDLE_MINUTES * 60_000);
  const rows = await withTenant({ kind: "user", userId: current.userId }, (tx) =>
    tx
      .select({
        id: userSessions.id,
        userAgent: userSessions.userAgent,
        ip: userSessions.ip,
        createdAt: userSessions.createdAt,
        lastSeenAt: userSessions.lastSeenAt,
      })
      .from(userSessions)
      .where(
        and(
          eq(userSessions.userId, current.userId),
          eq(userSessions.mfaPending, false),
          gt(userSessions.expiresAt, new Date(now)),
          gt(userSessions.lastSeenAt, idleSince),
        ),
      )
      .orderBy(desc(userSessions.lastSeenAt)),
  );
  return rows.map((r) => ({
    id: r.id,
    browser: describeUserAgent(r.userAgent),
    ip: r.ip,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    current: r.id === current.id,
  }));
}

async function revoke(
  current: Session,
  which: "one" | "others",
  sessionId: string | null,
  ip: string | null | undefined,
): Promise<number> {
  // The system path because the cache is keyed by token hash, which API roles may not read; every
  // statement is pinned to the verified session's user.
  const hashes = await withSystem("user revokes their own sessions", async (tx) => {
    const mine = eq(userSessions.userId, current.userId);
    const target = which === "one" ? eq(userSessions.id, sessionId ?? "") : ne(userSessions.id, current.id);
    const deleted = await tx
      .delete(userSessions)
      .where(and(mine, target))
      .returning({ tokenHash: userSessions.tokenHash });
    if (deleted.length > 0 && current.tenantId) {
      await recordAudit(tx, {
        tenantId: current.tenantId,
        actorUserId: current.userId,
        action: which === "one" ? "auth.session_revoked" : "auth.other_sessions_revoked",
        targetType: "user_session",
        targetId: which === "one" ? (sessionId ?? undefined) : undefined,
        details: { count: deleted.length },
        ip,
      });
    }
    return deleted.map((d) => d.tokenHash);
  });
  await forgetCachedSessions(hashes);
  return hashes.length;
}

/** Signs out one of the user's devices. Someone else's session id is "not found", like a missing one. */
export async function revokeDeviceSession(
  current: Session,
  sessionId: string,
  ip?: string | null,
): Promise<void> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const count = uuid.test(sessionId) ? await revoke(current, "one", sessionId, ip) : 0;
  if (count === 0) throw new NotFound("That session has already ended");
}

/** Signs out every device but this one; returns how many ended. */
export function revokeOtherDeviceSessions(current: Session, ip?: string | null): Promise<number> {
  return revoke(current, "others", null, ip);
}

/**
 * After someone's role in a practice changes (or they leave it), the sessions that act in that practice
 * end, so the member's next request signs in again and gets a new token carrying the new role. The
 * caller has already changed the membership, so the system path here only removes session rows.
 */
export async function endSessionsInPractice(userIds: string[], tenantId: string): Promise<number> {
  if (!userIds.length) return 0;
  const rows = await withSystem("role change ends the member's sessions in that practice", (tx) =>
    tx
      .delete(tables.userSessions)
      .where(and(inArray(tables.userSessions.userId, userIds), eq(tables.userSessions.tenantId, tenantId)))
      .returning({ tokenHash: tables.userSessions.tokenHash }),
  );
  await forgetCachedSessions(rows.map((r) => r.tokenHash));
  return rows.length;
}
