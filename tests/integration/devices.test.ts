import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  describeUserAgent,
  listDeviceSessions,
  logIn,
  resolveSession,
  revokeDeviceSession,
  revokeOtherDeviceSessions,
  type Session,
} from "@/lib/auth";
import { closeDatabase, withSystem } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { createPractice, TEST_PASSWORD } from "../support/factory";

afterAll(closeDatabase);

const net = randomBytes(2).toString("hex");
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

/** Three devices of one owner, each session resolved once (so a cached copy exists). */
async function ownerOnThreeDevices() {
  const practice = await createPractice();
  const login = (userAgent: string, n: number) =>
    logIn(
      { email: practice.owner.email, password: TEST_PASSWORD },
      { userAgent, ip: `2001:db8:${net}::${n}` },
    );
  const [laptop, phone, desktop] = [
    await login(FIREFOX_WINDOWS, 1),
    await login(SAFARI_IPHONE, 2),
    await login(CHROME_MAC, 3),
  ];
  const session = async (token: string): Promise<Session> => {
    const ctx = await resolveSession(token);
    if (!ctx) throw new Error("expected a live session");
    return ctx.session;
  };
  return {
    practice,
    tokens: { laptop: laptop.token, phone: phone.token, desktop: desktop.token },
    laptop: await session(laptop.token),
    phone: await session(phone.token),
    desktop: await session(desktop.token),
  };
}

async function auditCount(tenantId: string, action: string): Promise<number> {
  const rows = await withSystem("test counts audit entries", (tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from public.audit_log
      where tenant_id = ${tenantId} and action = ${action}`),
  );
  return rows.rows[0]?.n ?? 0;
}

describe("device sessions", () => {
  it("names browsers simply from the user agent", () => {
    expect(describeUserAgent(FIREFOX_WINDOWS)).toBe("Firefox on Windows");
    expect(describeUserAgent(SAFARI_IPHONE)).toBe("Safari on iOS");
    expect(describeUserAgent(CHROME_MAC)).toBe("Chrome on macOS");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      ),
    ).toBe("Edge on Windows");
    expect(describeUserAgent("curl/8.5.0")).toBe("Unknown browser");
    expect(describeUserAgent(null)).toBe("Unknown device");
  });

  it("lists the user's live sessions with IP, browser and this device, and not MFA challenges or others' sessions", async () => {
    const { laptop } = await ownerOnThreeDevices();
    // Someone else's session and an MFA challenge row of this user must not show up.
    await createPractice().then((other) =>
      logIn({ email: other.owner.email, password: TEST_PASSWORD }, { userAgent: CHROME_MAC }),
    );
    await withSystem("test adds an MFA challenge row", (tx) =>
      tx.execute(sql`insert into public.user_sessions (user_id, token_hash, expires_at, mfa_pending)
        values (${laptop.userId}, sha256(gen_random_uuid()::text::bytea), now() + interval '5 minutes', true)`),
    );
    const list = await listDeviceSessions(laptop);
    expect(list.map((d) => d.browser).sort()).toEqual([
      "Chrome on macOS",
      "Firefox on Windows",
      "Safari on iOS",
    ]);
    expect(list.filter((d) => d.current)).toEqual([
      expect.objectContaining({ id: laptop.id, browser: "Firefox on Windows", ip: `2001:db8:${net}::1` }),
    ]);
    for (const d of list) {
      expect(d.createdAt).toBeInstanceOf(Date);
      expect(d.lastSeenAt).toBeInstanceOf(Date);
    }
  });

  it("revokes one session: it ends at once, even with a cached lookup", async () => {
    const { practice, tokens, laptop, phone } = await ownerOnThreeDevices();
    await revokeDeviceSession(laptop, phone.id, "2001:db8::1");
    expect(await resolveSession(tokens.phone)).toBeNull();
    expect(await resolveSession(tokens.laptop)).not.toBeNull();
    expect((await listDeviceSessions(laptop)).map((d) => d.id)).not.toContain(phone.id);
    expect(await auditCount(practice.tenantId, "auth.session_revoked")).toBe(1);
    // Gone already, someone else's, or not an id at all: the same "not found".
    await expect(revokeDeviceSession(laptop, phone.id)).rejects.toBeInstanceOf(NotFound);
    const stranger = await ownerOnThreeDevices();
    await expect(revokeDeviceSession(laptop, stranger.phone.id)).rejects.toBeInstanceOf(NotFound);
    await expect(revokeDeviceSession(laptop, "nonsense")).rejects.toBeInstanceOf(NotFound);
    await expect(revokeDeviceSession(laptop, randomUUID())).rejects.toBeInstanceOf(NotFound);
    expect(await resolveSession(stranger.tokens.phone)).not.toBeNull();
  });

  it("revokes all other sessions and keeps this one", async () => {
    const { practice, tokens, laptop } = await ownerOnThreeDevices();
    expect(await revokeOtherDeviceSessions(laptop)).toBe(2);
    expect(await resolveSession(tokens.phone)).toBeNull();
    expect(await resolveSession(tokens.desktop)).toBeNull();
    expect((await resolveSession(tokens.laptop))?.session.id).toBe(laptop.id);
    expect((await listDeviceSessions(laptop)).map((d) => d.id)).toEqual([laptop.id]);
    expect(await auditCount(practice.tenantId, "auth.other_sessions_revoked")).toBe(1);
    // Nothing left to revoke: nothing happens, nothing is audited.
    expect(await revokeOtherDeviceSessions(laptop)).toBe(0);
    expect(await auditCount(practice.tenantId, "auth.other_sessions_revoked")).toBe(1);
  });
});
