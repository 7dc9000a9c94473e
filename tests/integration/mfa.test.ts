import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  completeMfaChallenge,
  confirmMfaEnrolment,
  disableMfa,
  generateTotpCode,
  getMfaPolicy,
  getMfaStatus,
  logIn,
  MfaPolicyInput,
  normalizeBackupCode,
  regenerateBackupCodes,
  resolveMfaChallenge,
  resolveSession,
  setMfaPolicy,
  startMfaEnrolment,
  WRONG_CODE,
} from "@/lib/auth";
import { decryptSecret, encryptionKeyring } from "@/lib/crypto";
import { closeDatabase, pgError, withSystem, withTenant } from "@/lib/db";
import { Conflict, Forbidden, Unauthenticated, ValidationFailed } from "@/lib/errors";
import { listDevMailbox } from "@/lib/mail";
import { addMember, createPractice, TEST_PASSWORD } from "../support/factory";

afterAll(closeDatabase);

const isPermissionDenied = (error: unknown) => pgError(error)?.code === "42501";

const STEP = 30_000;
// A fresh documentation-range IP per run: with Redis, per-IP counts outlive the test process.
const device = { ip: `2001:db8:${randomBytes(2).toString("hex")}::20`, userAgent: "vitest mfa" };

/** A user with MFA on. `t0` is the instant of the step used to confirm; later steps are still unused. */
async function userWithMfa(role: "owner" | "staff" = "owner") {
  const practice = await createPractice();
  const member = role === "owner" ? practice.owner : await addMember(practice.tenantId, "staff");
  const user = { id: member.userId, email: member.email };
  const { secret } = await startMfaEnrolment(user);
  const t0 = Date.now();
  const { backupCodes } = await confirmMfaEnrolment(user, generateTotpCode(secret, t0), { now: t0 });
  return { practice, user, secret, backupCodes, t0 };
}

/** Password step: returns the MFA challenge token. */
async function challenge(email: string): Promise<string> {
  const result = await logIn({ email, password: TEST_PASSWORD }, device);
  expect(result.mfaPending).toBe(true);
  return result.token;
}

async function auditActions(tenantId: string, userId: string): Promise<string[]> {
  const rows = await withSystem("test reads audit entries", (tx) =>
    tx.execute<{ action: string }>(sql`select action from public.audit_log
      where tenant_id = ${tenantId} and actor_user_id = ${userId} order by id`),
  );
  return rows.rows.map((r) => r.action);
}

describe("MFA enrolment", () => {
  it("stores the secret encrypted and turns MFA on only after a current code", async () => {
    const practice = await createPractice();
    const user = { id: practice.owner.userId, email: practice.owner.email };
    const { secret, qrSvg } = await startMfaEnrolment(user);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const [row] = (
      await withSystem("test reads the MFA row", (tx) =>
        tx.execute<{ secret_encrypted: string; key_id: string; enabled_at: Date | null }>(
          sql`select secret_encrypted, key_id, enabled_at from public.user_mfa where user_id = ${user.id}`,
        ),
      )
    ).rows;
    expect(row?.secret_encrypted).not.toContain(secret);
    expect(row?.key_id).toBe(encryptionKeyring().current);
    expect(decryptSecret(row?.secret_encrypted ?? "", encryptionKeyring(), `mfa:${user.id}`)).toBe(secret);
    expect(() =>
      decryptSecret(row?.secret_encrypted ?? "", encryptionKeyring(), "mfa:someone-else"),
    ).toThrow();
    expect(row?.enabled_at).toBeNull();

    // Not on yet: the password alone still gives a full session.
    expect((await getMfaStatus(user.id)).enabled).toBe(false);
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, device)).mfaPending).toBe(false);

    const now = Date.now();
    const wrong = generateTotpCode(secret, now + 5 * STEP);
    await expect(confirmMfaEnrolment(user, wrong, { now })).rejects.toThrow(WRONG_CODE);
    expect((await getMfaStatus(user.id)).enabled).toBe(false);

    const { backupCodes } = await confirmMfaEnrolment(user, generateTotpCode(secret, now), { now });
    expect(backupCodes).toHaveLength(10);
    expect(await getMfaStatus(user.id)).toMatchObject({ enabled: true, backupCodesLeft: 10 });
    expect(await auditActions(practice.tenantId, user.id)).toContain("auth.mfa_enabled");
    expect((await listDevMailbox({ to: user.email })).map((m) => m.tag)).toContain("auth.mfa-enabled");
    // A second enrolment would silently replace a working secret.
    await expect(startMfaEnrolment(user)).rejects.toBeInstanceOf(Conflict);
  });

  it("lets the user's own role read the enabled state, never the secret or the code hashes", async () => {
    const { user } = await userWithMfa();
    const other = await userWithMfa();
    const asUser = { kind: "user" as const, userId: user.id };
    const own = await withTenant(asUser, (tx) =>
      tx.execute(sql`select user_id, enabled_at from public.user_mfa`),
    );
    expect(own.rows).toHaveLength(1);
    expect((own.rows[0] as { user_id: string }).user_id).toBe(user.id);
    await expect(
      withTenant(asUser, (tx) => tx.execute(sql`select secret_encrypted from public.user_mfa`)),
    ).rejects.toSatisfy(isPermissionDenied);
    await expect(
      withTenant(asUser, (tx) => tx.execute(sql`select code_hash from public.user_backup_codes`)),
    ).rejects.toSatisfy(isPermissionDenied);
    await expect(
      withTenant(asUser, (tx) =>
        tx.execute(sql`update public.user_mfa set last_used_step = null where user_id = ${user.id}`),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
    const others = await withTenant(asUser, (tx) =>
      tx.execute(sql`select user_id from public.user_backup_codes where user_id = ${other.user.id}`),
    );
    expect(others.rows).toEqual([]);
  });
});

describe("login with MFA", () => {
  it("gives only a challenge for the password; passing MFA rotates the token into a session", async () => {
    const { practice, user, secret, t0 } = await userWithMfa();
    const pending = await challenge(user.email);
    expect(await resolveSession(pending)).toBeNull();
    expect(await resolveMfaChallenge(pending)).toMatchObject({ userId: user.id, email: user.email });

    const now = t0 + STEP;
    const passed = await completeMfaChallenge(pending, generateTotpCode(secret, now), device, { now });
    expect(passed.method).toBe("totp");
    expect(passed.token).not.toBe(pending);
    expect((await resolveSession(passed.token))?.user.id).toBe(user.id);
    // The old token is gone: neither a session nor a challenge any more.
    expect(await resolveSession(pending)).toBeNull();
    expect(await resolveMfaChallenge(pending)).toBeNull();
    const later = now + STEP;
    await expect(
      completeMfaChallenge(pending, generateTotpCode(secret, later), device, { now: later }),
    ).rejects.toBeInstanceOf(Unauthenticated);
    expect(await auditActions(practice.tenantId, user.id)).toEqual(
      expect.arrayContaining(["auth.login_mfa_challenged", "auth.login_succeeded"]),
    );
  });

  it("refuses a replayed code, and the challenge still works with the next one", async () => {
    const { user, secret, t0 } = await userWithMfa();
    const now = t0 + STEP;
    const code = generateTotpCode(secret, now);
    await completeMfaChallenge(await challenge(user.email), code, device, { now });
    const second = await challenge(user.email);
    await expect(completeMfaChallenge(second, code, device, { now })).rejects.toThrow(WRONG_CODE);
    // The confirmation step itself cannot be replayed either.
    await expect(
      completeMfaChallenge(second, generateTotpCode(secret, t0), device, { now: t0 }),
    ).rejects.toThrow(WRONG_CODE);
    expect(await resolveSession(second)).toBeNull();
    const next = now + STEP;
    const passed = await completeMfaChallenge(second, generateTotpCode(secret, next), device, { now: next });
    expect(await resolveSession(passed.token)).not.toBeNull();
  });

  it("accepts one step of clock drift either way and refuses two", async () => {
    const { user, secret, t0 } = await userWithMfa();
    const attempt = async (now: number, offsetSteps: number) => {
      const code = generateTotpCode(secret, now + offsetSteps * STEP);
      return completeMfaChallenge(await challenge(user.email), code, device, { now });
    };
    // A 6-digit code can repeat by chance within the window; then the ±2 case says nothing.
    const collides = (now: number, off: number) =>
      [-1, 0, 1].some(
        (o) => generateTotpCode(secret, now + o * STEP) === generateTotpCode(secret, now + off * STEP),
      );

    await expect(attempt(t0 + 10 * STEP, -1)).resolves.toMatchObject({ method: "totp" });
    await expect(attempt(t0 + 20 * STEP, 1)).resolves.toMatchObject({ method: "totp" });
    for (const [now, off] of [
      [t0 + 30 * STEP, -2],
      [t0 + 40 * STEP, 2],
    ] as const) {
      if (collides(now, off)) continue;
      await expect(attempt(now, off)).rejects.toBeInstanceOf(ValidationFailed);
    }
  });

  it("lets exactly one of several simultaneous submissions of the same code through", async () => {
    // On PGlite the transactions run one after another; on Postgres they race for the user_mfa row lock.
    const { user, secret, t0 } = await userWithMfa();
    const now = t0 + STEP;
    const code = generateTotpCode(secret, now);
    const tokens = [await challenge(user.email), await challenge(user.email)];
    const results = await Promise.allSettled(
      tokens.map((token) => completeMfaChallenge(token, code, device, { now })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(ValidationFailed);
  });
});

describe.runIf(process.env.DATABASE_URL)("on real Postgres, under real concurrency", () => {
  it("five parallel submissions of one code: one session, four refusals", async () => {
    const { user, secret, t0 } = await userWithMfa();
    const now = t0 + STEP;
    const code = generateTotpCode(secret, now);
    // One after the other: attempts in flight count as failures until they succeed (lib/auth/throttle),
    // so five parallel password checks would meet the growing delay.
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(await challenge(user.email));
    const results = await Promise.allSettled(
      tokens.map((token) => completeMfaChallenge(token, code, device, { now })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const sessions = await withSystem("test counts full sessions", (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from public.user_sessions
        where user_id = ${user.id} and not mfa_pending`),
    );
    expect(sessions.rows[0]?.n).toBe(1);
  });
});

describe("backup codes", () => {
  it("are stored as argon2id hashes, work once, and the user is told by email", async () => {
    const { practice, user, backupCodes } = await userWithMfa();
    const rows = await withSystem("test reads backup code rows", (tx) =>
      tx.execute<{ code_hash: string; used_at: Date | null }>(
        sql`select code_hash, used_at from public.user_backup_codes where user_id = ${user.id}`,
      ),
    );
    expect(rows.rows).toHaveLength(10);
    for (const row of rows.rows) {
      expect(row.code_hash.startsWith("$argon2id$")).toBe(true);
      for (const code of backupCodes) {
        expect(row.code_hash).not.toContain(code);
        expect(row.code_hash).not.toContain(normalizeBackupCode(code));
      }
    }

    const code = backupCodes[3] ?? "";
    const passed = await completeMfaChallenge(await challenge(user.email), code.toLowerCase(), device);
    expect(passed.method).toBe("backup_code");
    expect(await getMfaStatus(user.id)).toMatchObject({ backupCodesLeft: 9 });
    const mail = (await listDevMailbox({ to: user.email })).find(
      (m) => m.tag === "auth.mfa-backup-code-used",
    );
    expect(mail?.text).toContain("9 unused backup codes");
    expect(await auditActions(practice.tenantId, user.id)).toContain("auth.mfa_backup_code_used");

    await expect(completeMfaChallenge(await challenge(user.email), code, device)).rejects.toThrow(WRONG_CODE);
  });

  it("regenerating needs a current code and invalidates the old set", async () => {
    const { user, secret, backupCodes, t0 } = await userWithMfa();
    const now = t0 + STEP;
    await expect(regenerateBackupCodes(user, "000000", { now: t0 + 9 * STEP })).rejects.toThrow(WRONG_CODE);
    const { backupCodes: fresh } = await regenerateBackupCodes(user, generateTotpCode(secret, now), { now });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(backupCodes[0]);
    await expect(
      completeMfaChallenge(await challenge(user.email), backupCodes[0] ?? "", device),
    ).rejects.toThrow(WRONG_CODE);
    await expect(
      completeMfaChallenge(await challenge(user.email), fresh[0] ?? "", device),
    ).resolves.toMatchObject({ method: "backup_code" });
  });
});

describe("turning MFA off", () => {
  it("needs the password and a current code", async () => {
    const { practice, user, secret, t0 } = await userWithMfa();
    const now = t0 + STEP;
    const code = generateTotpCode(secret, now);
    const wrongPassword = await disableMfa(user, { password: "not my password", code }, { now }).catch(
      (e: unknown) => e,
    );
    expect((wrongPassword as ValidationFailed).errors).toEqual([
      { field: "password", message: expect.any(String) },
    ]);
    await expect(
      disableMfa(user, { password: TEST_PASSWORD, code: generateTotpCode(secret, now + 5 * STEP) }, { now }),
    ).rejects.toThrow(WRONG_CODE);
    expect((await getMfaStatus(user.id)).enabled).toBe(true);

    // The wrong-password attempt did not spend the code.
    await disableMfa(user, { password: TEST_PASSWORD, code }, { now });
    expect(await getMfaStatus(user.id)).toEqual({ enabled: false, enabledAt: null, backupCodesLeft: 0 });
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, device)).mfaPending).toBe(false);
    expect(await auditActions(practice.tenantId, user.id)).toContain("auth.mfa_disabled");
  });
});

describe("a practice requiring MFA by role", () => {
  it("flags such members for enrolment until MFA is on; only owners change it", async () => {
    const practice = await createPractice();
    const staff = await addMember(practice.tenantId, "staff");
    const manager = await addMember(practice.tenantId, "manager");
    expect(await getMfaPolicy(practice.owner.actor)).toEqual([]);
    expect(MfaPolicyInput.safeParse({ roles: ["customer"] }).success).toBe(false);

    await expect(setMfaPolicy(manager.actor, { roles: [] })).rejects.toBeInstanceOf(Forbidden);
    // RLS refuses a manager's direct update too.
    const direct = await withTenant(manager.actor, (tx) =>
      tx.execute(
        sql`update public.tenants set mfa_required_roles = '{}' where id = ${practice.tenantId} returning id`,
      ),
    );
    expect(direct.rows).toEqual([]);

    expect(await setMfaPolicy(practice.owner.actor, { roles: ["staff", "staff"] })).toEqual(["staff"]);
    const staffSession = await logIn({ email: staff.email, password: TEST_PASSWORD }, device);
    const managerSession = await logIn({ email: manager.email, password: TEST_PASSWORD }, device);
    expect((await resolveSession(staffSession.token))?.mfa).toEqual({
      enabled: false,
      enrolmentRequired: true,
    });
    expect((await resolveSession(managerSession.token))?.mfa.enrolmentRequired).toBe(false);

    const user = { id: staff.userId, email: staff.email };
    const { secret } = await startMfaEnrolment(user);
    const now = Date.now();
    await confirmMfaEnrolment(user, generateTotpCode(secret, now), { now });
    expect((await resolveSession(staffSession.token))?.mfa).toEqual({
      enabled: true,
      enrolmentRequired: false,
    });
    expect(await auditActions(practice.tenantId, practice.owner.userId)).toContain(
      "tenant.mfa_policy_updated",
    );
  });
});
