import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LOGIN_FAILED, logIn, resolveSession, revokeSession } from "@/lib/auth";
import { closeCache, keyValueStore } from "@/lib/cache";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, withSystem } from "@/lib/db";
import { createPractice, TEST_PASSWORD } from "../support/factory";

const device = { ip: "203.0.113.9", userAgent: "vitest" };
const originalRedis = process.env.REDIS_URL;

afterEach(async () => {
  if (originalRedis === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = originalRedis;
  resetConfigForTests();
  await closeCache();
});
afterAll(closeDatabase);

describe("login and sessions", () => {
  it("logs in, resolves the session with the member's role, and stores only a hash of the token", async () => {
    const practice = await createPractice();
    const session = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    expect(Buffer.from(session.token, "base64url").length).toBeGreaterThanOrEqual(32);
    const context = await resolveSession(session.token);
    expect(context?.membership).toEqual({ tenantId: practice.tenantId, role: "owner", suspended: false });
    const stored = await withSystem("test reads session rows", (tx) =>
      tx.execute<{ token_hash: Buffer; ip: string; user_agent: string }>(
        sql`select token_hash, ip, user_agent from public.user_sessions where user_id = ${practice.owner.userId}`,
      ),
    );
    expect(stored.rows).toHaveLength(1);
    expect(Buffer.from(stored.rows[0]?.token_hash ?? []).toString("base64url")).not.toBe(session.token);
    expect(stored.rows[0]).toMatchObject({ ip: device.ip, user_agent: "vitest" });
  });

  it("issues a new token at every login", async () => {
    const practice = await createPractice();
    const first = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    const second = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    expect(first.token).not.toBe(second.token);
  });

  it("says only 'email or password is incorrect' for a wrong password and for an unknown email", async () => {
    const practice = await createPractice();
    await expect(
      logIn({ email: practice.owner.email, password: "wrong password here" }, device),
    ).rejects.toThrow(LOGIN_FAILED);
    await expect(logIn({ email: "nobody@example.test", password: TEST_PASSWORD }, device)).rejects.toThrow(
      LOGIN_FAILED,
    );
  });

  it("refuses a revoked session (logout deletes it server-side)", async () => {
    const practice = await createPractice();
    const { token } = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    expect(await resolveSession(token)).not.toBeNull();
    await revokeSession(token);
    expect(await resolveSession(token)).toBeNull();
  });

  it("refuses an expired session and an idle one", async () => {
    const practice = await createPractice();
    const expired = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    const idle = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    const hash = (token: string) => createHash("sha256").update(token).digest();
    await withSystem("test ages sessions", async (tx) => {
      await tx.execute(sql`update public.user_sessions set expires_at = now() - interval '1 second'
                           where token_hash = ${hash(expired.token)}`);
      await tx.execute(sql`update public.user_sessions set last_seen_at = now() - interval '30 days'
                           where token_hash = ${hash(idle.token)}`);
    });
    // Drop cached lookups so the aged rows are read.
    await closeCache();
    expect(await resolveSession(expired.token)).toBeNull();
    expect(await resolveSession(idle.token)).toBeNull();
  });

  it("refuses garbage tokens", async () => {
    expect(await resolveSession(undefined)).toBeNull();
    expect(await resolveSession("x".repeat(500))).toBeNull();
    expect(await resolveSession("not-a-real-token")).toBeNull();
  });

  it("with REDIS_URL pointing at a closed port, login and session lookups still work from Postgres", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    resetConfigForTests();
    await closeCache();
    expect(keyValueStore().kind).toBe("redis");
    const practice = await createPractice();
    const { token } = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    const context = await resolveSession(token);
    expect(context?.user.email).toBe(practice.owner.email);
    await revokeSession(token);
    expect(await resolveSession(token)).toBeNull();
  });
});

describe.runIf(process.env.REDIS_URL)("with real Redis", () => {
  it("caches the session lookup and drops the cached copy at logout", async () => {
    const practice = await createPractice();
    const { token } = await logIn({ email: practice.owner.email, password: TEST_PASSWORD }, device);
    expect(await resolveSession(token)).not.toBeNull();
    const key = `session:${createHash("sha256").update(token).digest("hex")}`;
    expect(await keyValueStore().get(key)).not.toBeNull();
    await revokeSession(token);
    expect(await keyValueStore().get(key)).toBeNull();
    expect(await resolveSession(token)).toBeNull();
  });
});
