/**
 * API keys in lib and SQL: issued once and stored hashed, resolved only while live (not revoked, not
 * expired, old secret within its grace), last use touched at most once a minute, audited, and in SQL a
 * key reaches its own practice and nothing else — not even the keys table.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiKey,
  listApiKeys,
  operatorCreateKey,
  operatorListKeys,
  operatorRevokeKey,
  resolveApiKey,
  revokeApiKey,
  rollApiKey,
} from "@/lib/api-keys";
import { closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { Forbidden, NotFound, PracticeSuspended, ValidationFailed } from "@/lib/errors";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { createSchedule } from "../support/schedule";

afterAll(closeDatabase);

let a: TestPractice;
let b: TestPractice;
beforeAll(async () => {
  a = await createPractice();
  b = await createPractice();
  await createSchedule(a.tenantId);
  await createSchedule(b.tenantId);
});

const readBookings = { name: "Diary sync", scopes: ["bookings:read"] };
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

async function storedRow(id: string) {
  const [row] = await withSystem("test reads a key row", (tx) =>
    tx.select().from(tables.apiKeys).where(eq(tables.apiKeys.id, id)),
  );
  if (!row) throw new Error("no row");
  return row;
}

describe("issuing keys", () => {
  it("shows the secret once and stores only its SHA-256 and a display prefix", async () => {
    const { key, secret } = await createApiKey(a.owner.actor, readBookings);
    expect(secret).toMatch(/^boka_live_[0-9A-Za-z]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const row = await storedRow(key.id);
    expect(row.secretHash.equals(createHash("sha256").update(secret).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(secret.slice(16));
    const listed = await listApiKeys(a.owner.actor);
    expect(listed.find((k) => k.id === key.id)).toMatchObject({
      name: "Diary sync",
      scopes: ["bookings:read"],
    });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(row.createdBy).toBe(a.owner.userId);
  });

  it("managers may issue keys at the default limit; staff and keys may not manage keys at all", async () => {
    const manager = await addMember(a.tenantId, "manager");
    const staff = await addMember(a.tenantId, "staff");
    await expect(createApiKey(manager.actor, readBookings)).resolves.toBeTruthy();
    await expect(createApiKey(manager.actor, { ...readBookings, rateLimitPerMinute: 900 })).rejects.toThrow(
      /Only an owner/,
    );
    await expect(createApiKey(staff.actor, readBookings)).rejects.toBeInstanceOf(Forbidden);
    const { secret } = await createApiKey(a.owner.actor, { name: "All", scopes: ["bookings:write"] });
    const resolved = await resolveApiKey(secret);
    if (!resolved) throw new Error("unresolved");
    await expect(listApiKeys(resolved.actor)).rejects.toThrow(/API keys cannot use this endpoint/);
    // And in SQL, should lib ever forget: the keys table admits no key.
    const seen = await withTenant(resolved.actor, (tx) =>
      tx.select({ id: tables.apiKeys.id }).from(tables.apiKeys),
    );
    expect(seen).toEqual([]);
    const digest = await withTenant(a.owner.actor, (tx) =>
      tx.execute(sql`select secret_hash from public.api_keys`),
    ).then(
      () => "readable",
      () => "refused",
    );
    expect(digest).toBe("refused");
  });

  it("refuses unknown scopes, a past expiry and a limit above the platform's maximum", async () => {
    await expect(
      createApiKey(a.owner.actor, { name: "x", scopes: ["bookings:delete"] }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(createApiKey(a.owner.actor, { name: "x", scopes: [] })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
    await expect(
      createApiKey(a.owner.actor, { ...readBookings, expiresAt: minutes(-1).toISOString() }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(createApiKey(a.owner.actor, { ...readBookings, rateLimitPerMinute: 6_001 })).rejects.toThrow(
      ValidationFailed,
    );
  });
});

describe("resolving a bearer key", () => {
  it("a live key becomes its practice with exactly its scopes; anything else is null", async () => {
    const { key, secret } = await createApiKey(a.owner.actor, { name: "r", scopes: ["customers:read"] });
    const resolved = await resolveApiKey(secret);
    expect(resolved?.actor).toMatchObject({ kind: "member", tenantId: a.tenantId, apiKey: { id: key.id } });
    expect(resolved?.actor.apiKey.scopes).toEqual(["customers:read"]);
    expect(resolved?.rateLimitPerMinute).toBe(600);
    const wrong = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect(await resolveApiKey(wrong)).toBeNull();
    expect(await resolveApiKey("boka_live_short")).toBeNull();
    expect(await resolveApiKey(`${secret} `)).toBeNull();
  });

  it("revoked keys stop at once, in lib and in SQL", async () => {
    const { key, secret } = await createApiKey(a.owner.actor, readBookings);
    const resolved = await resolveApiKey(secret);
    if (!resolved) throw new Error("unresolved");
    const before = await withTenant(resolved.actor, (tx) =>
      tx.select({ id: tables.tenants.id }).from(tables.tenants),
    );
    expect(before).toEqual([{ id: a.tenantId }]);
    await revokeApiKey(a.owner.actor, key.id);
    expect(await resolveApiKey(secret)).toBeNull();
    // An actor resolved a moment before the revoke sees nothing afterwards: RLS checks the key itself.
    const after = await withTenant(resolved.actor, (tx) =>
      tx.select({ id: tables.tenants.id }).from(tables.tenants),
    );
    expect(after).toEqual([]);
    await expect(revokeApiKey(a.owner.actor, key.id)).rejects.toBeInstanceOf(NotFound);
    await expect(revokeApiKey(b.owner.actor, key.id)).rejects.toBeInstanceOf(NotFound);
  });

  it("expired keys stop", async () => {
    const { secret } = await createApiKey(a.owner.actor, {
      ...readBookings,
      expiresAt: minutes(5).toISOString(),
    });
    expect(await resolveApiKey(secret)).not.toBeNull();
    expect(await resolveApiKey(secret, minutes(6))).toBeNull();
  });

  it("a roll issues a new secret and keeps the old one for the grace period only", async () => {
    const { key, secret: old } = await createApiKey(a.owner.actor, readBookings);
    const rolled = await rollApiKey(a.owner.actor, key.id, { graceHours: 2 });
    expect(rolled.secret).not.toBe(old);
    expect(await resolveApiKey(rolled.secret)).not.toBeNull();
    expect(await resolveApiKey(old)).not.toBeNull();
    expect(await resolveApiKey(old, minutes(121))).toBeNull();
    expect(await resolveApiKey(rolled.secret, minutes(121))).not.toBeNull();
    const again = await rollApiKey(a.owner.actor, key.id, { graceHours: 0 });
    expect(await resolveApiKey(rolled.secret)).toBeNull();
    expect(await resolveApiKey(old)).toBeNull();
    expect(await resolveApiKey(again.secret)).not.toBeNull();
    await expect(rollApiKey(a.owner.actor, key.id, { graceHours: 25 })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
  });

  it("touches last_used_at at most once a minute", async () => {
    const { key, secret } = await createApiKey(a.owner.actor, readBookings);
    const t0 = new Date();
    await resolveApiKey(secret, t0);
    const first = (await storedRow(key.id)).lastUsedAt?.getTime();
    expect(first).toBe(t0.getTime());
    await resolveApiKey(secret, new Date(t0.getTime() + 30_000));
    expect((await storedRow(key.id)).lastUsedAt?.getTime()).toBe(first);
    const later = new Date(t0.getTime() + 61_000);
    await resolveApiKey(secret, later);
    expect((await storedRow(key.id)).lastUsedAt?.getTime()).toBe(later.getTime());
  });

  it("a suspended practice's keys stop working (403), and work again on reactivation", async () => {
    const practice = await createPractice();
    const { secret } = await createApiKey(practice.owner.actor, readBookings);
    const setStatus = (status: "active" | "suspended") =>
      withSystem("test suspends a practice", (tx) =>
        tx.update(tables.tenants).set({ status }).where(eq(tables.tenants.id, practice.tenantId)),
      );
    const resolved = await resolveApiKey(secret);
    if (!resolved) throw new Error("unresolved");
    await setStatus("suspended");
    await expect(resolveApiKey(secret)).rejects.toBeInstanceOf(PracticeSuspended);
    const seen = await withTenant(resolved.actor, (tx) =>
      tx.select({ id: tables.tenants.id }).from(tables.tenants),
    );
    expect(seen).toEqual([]);
    await setStatus("active");
    expect(await resolveApiKey(secret)).not.toBeNull();
  });
});

describe("SQL isolation for a key", () => {
  it("reads its own practice's rows and none of another's", async () => {
    const { secret } = await createApiKey(a.owner.actor, { name: "x", scopes: ["customers:read"] });
    const resolved = await resolveApiKey(secret);
    if (!resolved) throw new Error("unresolved");
    const counts = await withTenant(resolved.actor, (tx) =>
      tx.execute<{ own: number; other: number }>(sql`select
        (select count(*)::int from public.customers where tenant_id = ${a.tenantId}) as own,
        (select count(*)::int from public.customers where tenant_id = ${b.tenantId}) as other`),
    );
    expect(counts.rows[0]?.own).toBeGreaterThan(0);
    expect(counts.rows[0]?.other).toBe(0);
    const forged = { ...resolved.actor, tenantId: b.tenantId };
    const stolen = await withTenant(forged, (tx) =>
      tx
        .select({ id: tables.customers.id })
        .from(tables.customers)
        .where(eq(tables.customers.tenantId, b.tenantId)),
    );
    expect(stolen).toEqual([]);
    const team = await withTenant(resolved.actor, (tx) =>
      tx.execute(sql`update public.memberships set role = role where tenant_id = ${a.tenantId} returning 1`),
    );
    expect(team.rows).toEqual([]);
  });
});

describe("the audit log and the operator CLI", () => {
  it("records create, roll and revoke", async () => {
    const { key } = await createApiKey(a.owner.actor, readBookings);
    await rollApiKey(a.owner.actor, key.id, { graceHours: 1 });
    await revokeApiKey(a.owner.actor, key.id);
    const rows = await withSystem("test reads the audit log", (tx) =>
      tx
        .select({ action: tables.auditLog.action, actor: tables.auditLog.actorUserId })
        .from(tables.auditLog)
        .where(and(eq(tables.auditLog.tenantId, a.tenantId), eq(tables.auditLog.targetId, key.id))),
    );
    expect(rows.map((r) => r.action).sort()).toEqual([
      "api_key.created",
      "api_key.revoked",
      "api_key.rolled",
    ]);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set([a.owner.userId]));
  });

  it("creates, lists and revokes by slug and id", async () => {
    const { key, secret } = await operatorCreateKey(b.slug, { name: "ops", scopes: ["catalogue:read"] });
    expect((await resolveApiKey(secret))?.actor.tenantId).toBe(b.tenantId);
    expect((await operatorListKeys(b.slug)).map((k) => k.id)).toContain(key.id);
    await operatorRevokeKey(key.id);
    expect(await resolveApiKey(secret)).toBeNull();
    await expect(operatorCreateKey("no-such-practice", readBookings)).rejects.toBeInstanceOf(NotFound);
  });
});
