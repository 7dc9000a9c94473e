/**
 * The permission matrix through HTTP: for the Bookings, Customers, "Services, staff, hours", "Team and
 * roles" and "Settings, billing, API keys" columns, every route of the dashboard API is called with each
 * role's real session, and the answer must be what `can(role, action)` says — the expectation is read
 * from MATRIX, so this test and the matrix cannot drift apart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, type Action, can, MATRIX, PERMISSION_ROLES } from "@/lib/auth";
import { closeDatabase } from "@/lib/db";
import { signedInAs } from "../support/http";
import { PROBES, type Probe } from "./permissions-http-probes";
import { buildWorld, ROLES, type Role, type World } from "./permissions-http-world";

afterAll(closeDatabase);

const COLUMNS = ["bookings", "customers", "catalogue", "team", "settings"] as const;
const TEAM_ROLES = ["owner", "manager", "staff"] as const;
const holders = (action: Action) =>
  PERMISSION_ROLES.filter((role) => COLUMNS.some((c) => MATRIX[role][c].actions.includes(action)));
const COLUMN_ACTIONS = [
  ...new Set(PERMISSION_ROLES.flatMap((r) => COLUMNS.flatMap((c) => MATRIX[r][c].actions))),
];

/**
 * The dashboard API is the practice team's. A customer's own bookings and profile are served by the
 * customer portal (/{slug}/account, its own sign-in), so a customer account is refused here outright.
 */
const CUSTOMER_PORTAL: Action[] = [
  "bookings.view_own",
  "bookings.change_own",
  "customers.view_own_profile",
  "customers.edit_own_profile",
];
const NOT_ON_TEAM = "This account is not a member of a practice's team.";

function expected(role: Role, probe: Probe): { status: number; detail?: string } {
  if (probe.audience === "team" && role === "customer") return { status: 403, detail: NOT_ON_TEAM };
  if (can(role, probe.action)) return { status: probe.ok };
  if (probe.refused === 404) return { status: 404 };
  return { status: 403, detail: `You are not allowed to ${ACTIONS[probe.action]}.` };
}

describe("the probes cover the five columns", () => {
  it("every action a team role holds has a request; the rest are the portal's or the platform's", () => {
    const probed = new Set(PROBES.map((p) => p.action));
    for (const action of COLUMN_ACTIONS) {
      const who = holders(action);
      if (who.some((r) => (TEAM_ROLES as readonly string[]).includes(r))) {
        expect(probed.has(action), `${action} has no HTTP probe`).toBe(true);
      } else if (who.includes("customer")) {
        expect(CUSTOMER_PORTAL, `${action} is the customer's only`).toContain(action);
      } else {
        // Platform admins' actions (view as support, suspend) are app/api/v1/admin's, tested there.
        expect(who, action).toEqual(["platform_admin"]);
      }
    }
  });

  it("what customers hold here is served by the portal or the public API, never by the team API", () => {
    const customerActions = COLUMNS.flatMap((c) => MATRIX.customer[c].actions);
    for (const action of customerActions) {
      const served = PROBES.some((p) => p.action === action && p.audience === "public");
      expect(served || CUSTOMER_PORTAL.includes(action), action).toBe(true);
    }
  });
});

describe("every cell, through HTTP", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  const cases = ROLES.flatMap((role) =>
    PROBES.map((probe) => ({ role, name: probe.name, status: expected(role, probe).status, probe })),
  );

  it.each(cases)("$role · $name → $status", async ({ role, probe }) => {
    const call = await probe.request(world);
    const res = await world.as[role].call(call.handler, call.path, {
      method: call.method ?? "GET",
      body: call.body,
      params: call.params ?? {},
    });
    const body = res.status === 204 ? null : await res.json();
    const want = expected(role, probe);
    expect(res.status, JSON.stringify(body)).toBe(want.status);
    if (!res.ok) {
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(body.type).toMatch(want.status === 404 ? /\/not-found$/ : /\/forbidden$/);
      if (want.detail) expect(body.detail).toBe(want.detail);
    } else {
      await call.undo?.();
      // A transfer of ownership ends the sessions of both people involved: sign the actor in again.
      world.as[role] = await signedInAs(world.members[role].userId, world.a.tenantId);
    }
  });
});
