import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { keyValueStore } from "@/lib/cache/store";
import { config } from "@/lib/config";
import { type Actor, type TenantRole, tables, withSystem, withTenant } from "@/lib/db";
import { logger } from "@/lib/observability/logger";

const { userSessions, users, memberships } = tables;

/** A session as the app sees it once the cookie's token has been verified. */
export type Session = {
  id: string;
  userId: string;
  tenantId: string | null;
  expiresAt: number;
  lastSeenAt: number;
};

export type SessionContext = {
  session: Session;
  user: { id: string; email: string; name: string; emailVerified: boolean };
  /** The member's role in the session's tenant, read fresh on every request. */
  membership: { tenantId: string; role: TenantRole } | null;
};

export type DeviceDetails = { userAgent?: string | null; ip?: string | null };

const CACHE_SECONDS = 60;
const TOUCH_AFTER_MS = 60_000;

export function sessionCookieName(): string {
  return config().APP_URL.startsWith("https://") ? "__Host-boka_session" : "boka_session";
}

export function sessionCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config().APP_URL.startsWith("https://"),
    path: "/",
    expires,
  };
}

function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

const cacheKey = (tokenHash: Buffer) => `session:${tokenHash.toString("hex")}`;

async function cacheSafely(op: () => Promise<unknown>): Promise<void> {
  try {
    await op();
  } catch (err) {
    logger.debug({ err }, "session cache unavailable");
  }
}

/** Issues a new 256-bit token; only its SHA-256 is stored. */
export async function createSession(
  userId: string,
  tenantId: string | null,
  device: DeviceDetails,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + config().SESSION_ABSOLUTE_DAYS * 86_400_000);
  await withSystem("create session at login", (tx) =>
    tx.insert(userSessions).values({
      userId,
      tenantId,
      tokenHash: hashToken(token),
      userAgent: device.userAgent?.slice(0, 400) ?? null,
      ip: device.ip ?? null,
      expiresAt,
    }),
  );
  return { token, expiresAt };
}

function isLive(session: Session, now: number): boolean {
  const idleMs = config().SESSION_IDLE_MINUTES * 60_000;
  return session.expiresAt > now && session.lastSeenAt + idleMs > now;
}

async function loadSession(tokenHash: Buffer): Promise<Session | null> {
  const cached = await keyValueStore()
    .get(cacheKey(tokenHash))
    .catch(() => null);
  if (cached) return JSON.parse(cached) as Session;
  const [row] = await withSystem("resolve session token", (tx) =>
    tx
      .select({
        id: userSessions.id,
        userId: userSessions.userId,
        tenantId: userSessions.tenantId,
        expiresAt: userSessions.expiresAt,
        lastSeenAt: userSessions.lastSeenAt,
      })
      .from(userSessions)
      .where(eq(userSessions.tokenHash, tokenHash)),
  );
  if (!row) return null;
  const session = { ...row, expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() };
  await cacheSafely(() => keyValueStore().set(cacheKey(tokenHash), JSON.stringify(session), CACHE_SECONDS));
  return session;
}

/** Resolves a cookie token to a live session, or null. Never trusts a cache over an expiry. */
export async function resolveSession(token: string | undefined): Promise<SessionContext | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  let session = await loadSession(tokenHash);
  const now = Date.now();
  if (!session || !isLive(session, now)) return null;

  if (now - session.lastSeenAt > TOUCH_AFTER_MS) {
    const touched = await withSystem("touch session last-seen", (tx) =>
      tx
        .update(userSessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(userSessions.id, session?.id ?? ""))
        .returning({ id: userSessions.id }),
    );
    if (touched.length === 0) {
      await cacheSafely(() => keyValueStore().del(cacheKey(tokenHash)));
      return null;
    }
    session = { ...session, lastSeenAt: now };
    const fresh = session;
    await cacheSafely(() => keyValueStore().set(cacheKey(tokenHash), JSON.stringify(fresh), CACHE_SECONDS));
  }

  const actor: Actor = { kind: "user", userId: session.userId };
  const tenantId = session.tenantId;
  const { user, membership } = await withTenant(actor, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.userId));
    const [membership] = tenantId
      ? await tx
          .select({ tenantId: memberships.tenantId, role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, actor.userId)))
      : [];
    return { user, membership };
  });
  if (!user) return null;
  return {
    session,
    user: { id: user.id, email: user.email, name: user.name, emailVerified: user.verifiedAt !== null },
    membership: membership ?? null,
  };
}

/** Logout: the row goes, and so does any cached copy. */
export async function revokeSession(token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await withSystem("revoke session at logout", (tx) =>
    tx.delete(userSessions).where(eq(userSessions.tokenHash, tokenHash)),
  );
  await cacheSafely(() => keyValueStore().del(cacheKey(tokenHash)));
}
