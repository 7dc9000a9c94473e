/**
 * API keys through HTTP, derived from data: every probe of the team API (the permission matrix's
 * requests) is called with a key holding exactly the scope that grants its action — it must succeed —
 * and with a key holding every other scope — it must be a 403 naming the missing scope. Actions no scope
 * grants (team, ownership, settings, audit) refuse every key.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as booking } from "@/app/api/v1/bookings/[id]/route";
import { GET as bookings } from "@/app/api/v1/bookings/route";
import { GET as reports } from "@/app/api/v1/reports/route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { SCOPE_NAMES, SCOPES, type Scope, scopeFor } from "@/lib/api-keys/fields";
import { ACTIONS } from "@/lib/auth";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { withApiKey } from "../support/http";
import { PROBES, type Probe } from "./permissions-http-probes";
import { buildWorld, type World } from "./permissions-http-world";

afterAll(closeDatabase);

const REPORTS: Probe = {
  name: "GET /reports",
  action: "reports.view_all",
  audience: "team",
  ok: 200,
  refused: 403,
  request: async () => ({ handler: reports, path: "/api/v1/reports" }),
};
const TEAM_PROBES = [...PROBES.filter((p) => p.audience === "team"), REPORTS];

let world: World;
const keys = new Map<string, string>();
async function keyWith(scopes: Scope[]): Promise<string> {
  const id = scopes.join(",");
  let secret = keys.get(id);
  if (!secret) {
    secret = (await createApiKey(world.a.owner.actor, { name: id.slice(0, 100), scopes })).secret;
    keys.set(id, secret);
  }
  return secret;
}

beforeAll(async () => {
  world = await buildWorld();
});

async function send(probe: Probe, secret: string) {
  const call = await probe.request(world);
  const res = await withApiKey(secret).call(call.handler, call.path, {
    method: call.method ?? "GET",
    body: call.body,
    params: call.params ?? {},
  });
  return { res, body: res.status === 204 ? null : await res.json() };
}

describe("every scope allows exactly its routes", () => {
  it("the scopes' actions are the matrix's, and the probes reach every scope that has routes", () => {
    const known = new Set(Object.keys(ACTIONS));
    for (const name of SCOPE_NAMES)
      for (const action of SCOPES[name].actions) expect(known).toContain(action);
    expect(new Set(TEAM_PROBES.map((p) => scopeFor(p.action)))).toEqual(
      new Set([...SCOPE_NAMES.filter((s) => s !== "availability:read" && s !== "webhooks:manage"), null]),
    );
  });

  const granted = TEAM_PROBES.filter((p) => scopeFor(p.action) !== null);
  it.each(granted.map((p) => ({ name: p.name, scope: scopeFor(p.action), probe: p })))(
    "$scope allows $name",
    async ({ probe, scope }) => {
      const { res, body } = await send(probe, await keyWith([scope as Scope]));
      expect(res.status, JSON.stringify(body)).toBe(probe.ok);
    },
  );

  it.each(granted.map((p) => ({ name: p.name, scope: scopeFor(p.action), probe: p })))(
    "every scope but $scope is refused $name, by name",
    async ({ probe, scope }) => {
      const others = SCOPE_NAMES.filter((s) => s !== scope);
      const { res, body } = await send(probe, await keyWith(others));
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(body.type).toMatch(/\/missing-scope$/);
      expect(body.detail).toBe(`This API key lacks the "${scope}" scope.`);
      expect(body.request_id).toBeTruthy();
    },
  );

  const sessionOnly = TEAM_PROBES.filter((p) => scopeFor(p.action) === null);
  it.each(sessionOnly.map((p) => ({ name: p.name, probe: p })))(
    "$name refuses a key with every scope",
    async ({ probe }) => {
      const { res, body } = await send(probe, await keyWith([...SCOPE_NAMES]));
      expect(res.status).toBe(403);
      expect(body.detail).toBe("API keys cannot use this endpoint: sign in to the dashboard.");
    },
  );
});

describe("keys that must not work", () => {
  const list = (secret: string) => withApiKey(secret).call(bookings, "/api/v1/bookings");

  it("wrong, malformed and revoked keys are a 401", async () => {
    const { key, secret } = await createApiKey(world.a.owner.actor, {
      name: "gone",
      scopes: ["bookings:read"],
    });
    expect((await list(secret)).status).toBe(200);
    await revokeApiKey(world.a.owner.actor, key.id);
    for (const bad of [secret, `${secret.slice(0, -2)}zz`, "not-a-key"]) {
      const res = await list(bad);
      expect(res.status).toBe(401);
      expect((await res.json()).detail).toMatch(/API key is not valid/);
    }
  });

  it("another practice's key finds none of this practice's bookings (404), and lists only its own", async () => {
    const other = await createApiKey(world.b.owner.actor, { name: "b", scopes: ["bookings:read"] });
    const mine = await keyWith(["bookings:read"]);
    const ownRes = await withApiKey(mine).call(booking, `/api/v1/bookings/${world.bookingB}`, {
      params: { id: world.bookingB },
    });
    expect(ownRes.status).toBe(404);
    const theirs = await withApiKey(other.secret).call(booking, `/api/v1/bookings/${world.bookingB}`, {
      params: { id: world.bookingB },
    });
    expect(theirs.status).toBe(200);
    const listed = await (await list(other.secret)).json();
    expect(JSON.stringify(listed)).not.toContain(world.a.tenantId);
  });

  it("a suspended practice's key is a 403 practice-suspended", async () => {
    const secret = await keyWith(["bookings:read"]);
    const status = (s: "active" | "suspended") =>
      withSystem("test suspends practice A", (tx) =>
        tx.update(tables.tenants).set({ status: s }).where(eq(tables.tenants.id, world.a.tenantId)),
      );
    await status("suspended");
    try {
      const res = await list(secret);
      expect(res.status).toBe(403);
      expect((await res.json()).type).toMatch(/practice-suspended$/);
    } finally {
      await status("active");
    }
  });
});
