import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { keyValueStore } from "@/lib/cache";
import { config } from "@/lib/config";
import { type Actor, type TenantRole, type Tx, tables, withSystem, withTenant } from "@/lib/db";
import { logger } from "@/lib/observability";

const { userSessions, users, memberships, tenants, userMfa } = tables;

/** A session as the app sees it once the cookie's token has been verified. */
export type Session = {
  id: string;
  userId: string;
  tenantId: string | null;
  expiresAt: number;
  lastSeenAt: number;
  /** Password accepted, second factor not yet: never a signed-in session. */
  mfaPending: boolean;
};

export type SessionContext = {
  session: Session;
  user: { id: string; email: string; name: string; emailVerified: boolean };
  /** The member's role in the session's tenant, read fresh on every request. */
  membership: { tenantId: string; role: TenantRole; suspended: boolean } | null;
  /** `enrolmentRequired`: the practice requires MFA for this member's role and it is not on yet. */
  mfa: { enabled: boolean; enrolmentRequired: boolean };
};

export type DeviceDetails = { userAgent?: string | null; ip?: string | null };

const CACHE_SECONDS = 60;
const TOUCH_AFTER_MS = 60_000;
/** How long a password-only login may take to present its second factor. */
export const MFA_CHALLENGE_MINUTES = 10;

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

/** Drops cached lookups of revoked sessions so they end now, not when the cache entry expires. */
export async function forgetCachedSessions(tokenHashes: Buffer[]): Promise<void> {
  for (const hash of tokenHashes) await cacheSafely(() => keyValueStore().del(cacheKey(hash)));
}

type NewSession = { token: string; expiresAt: Date; mfaPending: boolean };

async function insertSession(
  tx: Tx,
  row: { userId: string; tenantId: string | null; device: DeviceDetails; mfaPending: boolean },
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const lifetimeMs = row.mfaPending
    ? MFA_CHALLENGE_MINUTES * 60_000
    : config().SESSION_ABSOLUTE_DAYS * 86_400_000;
  const expiresAt = new Date(Date.now() + lifetimeMs);
  await tx.insert(userSessions).values({
    userId: row.userId,
    tenantId: row.tenantId,
    tokenHash: hashToken(token),
    userAgent: row.device.userAgent?.slice(0, 400) ?? null,
    ip: row.device.ip ?? null,
    expiresAt,
    mfaPending: row.mfaPending,
  });
  return { token, expiresAt, mfaPending: row.mfaPending };
}

/**
 * Issues a new 256-bit token; only its SHA-256 is stored. If the user has MFA on, the new row is only
 * an MFA challenge (10 minutes, `mfaPending`) — whatever path called this (login, sign-up, a reset or
 * invitation flow), nothing yields a full session without the second factor; only promoteMfaSession
 * issues one for such a user.
 */
export async function createSession(
  userId: string,
  tenantId: string | null,
  device: DeviceDetails,
): Promise<NewSession> {
  return withSystem("create session at login", async (tx) => {
    const [mfa] = await tx
      .select({ enabledAt: userMfa.enabledAt })
      .from(userMfa)
      .where(eq(userMfa.userId, userId));
    return insertSession(tx, { userId, tenantId, device, mfaPending: Boolean(mfa?.enabledAt) });
  });
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
        mfaPending: userSessions.mfaPending,
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
  // An MFA challenge is not a session, whatever else is true of it.
  if (!session || session.mfaPending || !isLive(session, now)) return null;

  if (now - session.lastSeenAt > TOUCH_AFTER_MS) {
    const touched = await withSystem("touch session last-seen", (tx) =>
      tx
        .update(userSessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(userSessions.id, session?.id ?? ""))
        .returning({ id: userSessions.id }),
    );
    if (touched.length === 0) {
      await forgetCachedSessions([tokenHash]);
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
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        verifiedAt: users.emailVerifiedAt,
        mfaEnabledAt: userMfa.enabledAt,
      })
      .from(users)
      .leftJoin(userMfa, eq(userMfa.userId, users.id))
      .where(eq(users.id, actor.userId));
    const [membership] = tenantId
      ? await tx
          .select({
            tenantId: memberships.tenantId,
            role: memberships.role,
            mfaRequiredRoles: tenants.mfaRequiredRoles,
            status: tenants.status,
          })
          .from(memberships)
          .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
          .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, actor.userId)))
      : [];
    return { user, membership };
  });
  if (!user) return null;
  const mfaEnabled = user.mfaEnabledAt !== null;
  const roleNeedsMfa = membership?.mfaRequiredRoles.some((role) => role === membership.role) ?? false;
  return {
    session,
    user: { id: user.id, email: user.email, name: user.name, emailVerified: user.verifiedAt !== null },
    membership: membership
      ? { tenantId: membership.tenantId, role: membership.role, suspended: membership.status === "suspended" }
      : null,
    mfa: { enabled: mfaEnabled, enrolmentRequired: roleNeedsMfa && !mfaEnabled },
  };
}

export type MfaChallenge = { sessionId: string; userId: string; tenantId: string | null; email: string };

const pendingRow = (tokenHash: Buffer) =>
  and(
    eq(userSessions.tokenHash, tokenHash),
    eq(userSessions.mfaPending, true),
    gt(userSessions.expiresAt, new Date()),
  );

/** The live MFA challenge behind a cookie token (for the /mfa page), or null. */
export async function resolveMfaChallenge(token: string | undefined): Promise<MfaChallenge | null> {
  if (!token || token.length > 200) return null;
  const [row] = await withSystem("resolve MFA challenge token", (tx) =>
    tx
      .select({
        sessionId: userSessions.id,
        userId: userSessions.userId,
        tenantId: userSessions.tenantId,
        email: users.email,
      })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(pendingRow(hashToken(token))),
  );
  return row ?? null;
}

/**
 * Passes an MFA challenge: under a lock on the challenge row, `verify` checks the second factor (it
 * throws when wrong, rolling everything back); then the challenge row is deleted and a full session is
 * issued with a NEW token — the token rotates, so a token seen before MFA is worthless after it.
 * Null when the challenge is unknown, used or expired.
 */
export async function promoteMfaSession<T>(
  token: string,
  device: DeviceDetails,
  verify: (tx: Tx, challenge: MfaChallenge) => Promise<T>,
): Promise<(NewSession & { result: T; challenge: MfaChallenge }) | null> {
  if (token.length > 200) return null;
  const tokenHash = hashToken(token);
  const promoted = await withSystem(
    "MFA challenge verifies the second factor and rotates the session",
    async (tx) => {
      const [challenge] = await tx
        .select({
          sessionId: userSessions.id,
          userId: userSessions.userId,
          tenantId: userSessions.tenantId,
          email: users.email,
        })
        .from(userSessions)
        .innerJoin(users, eq(users.id, userSessions.userId))
        .where(pendingRow(tokenHash))
        .for("update", { of: userSessions });
      if (!challenge) return null;
      const result = await verify(tx, challenge);
      await tx.delete(userSessions).where(eq(userSessions.id, challenge.sessionId));
      const session = await insertSession(tx, {
        userId: challenge.userId,
        tenantId: challenge.tenantId,
        device,
        mfaPending: false,
      });
      return { ...session, result, challenge };
    },
  );
  await forgetCachedSessions([tokenHash]);
  return promoted;
}

/** Logout: the row goes, and so does any cached copy. */
export async function revokeSession(token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await withSystem("revoke session at logout", (tx) =>
    tx.delete(userSessions).where(eq(userSessions.tokenHash, tokenHash)),
  );
  await forgetCachedSessions([tokenHash]);
}
