import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportsRoute } from "@/app/api/v1/admin/reports/route";
import * as supportViewRoute from "@/app/api/v1/admin/tenants/[id]/bookings/route";
import { POST as reactivateRoute } from "@/app/api/v1/admin/tenants/[id]/reactivate/route";
import { POST as suspendRoute } from "@/app/api/v1/admin/tenants/[id]/suspend/route";
import { GET as tenantsRoute } from "@/app/api/v1/admin/tenants/route";
import { POST as publicCancel } from "@/app/api/v1/public/bookings/[id]/cancel/route";
import { GET as publicManaged } from "@/app/api/v1/public/bookings/[id]/route";
import { POST as publicBook } from "@/app/api/v1/public/tenants/[slug]/bookings/route";
import { GET as publicTenant } from "@/app/api/v1/public/tenants/[slug]/route";
import { GET as dashboardExport } from "@/app/dashboard/bookings/export/route";
import {
  assertPlatformAdmin,
  isPracticeSuspended,
  listPlatformLog,
  listPractices,
  type PlatformAdmin,
  PracticeSuspended,
  platformReport,
  reactivatePractice,
  suspendPractice,
  viewBookingsAsSupport,
} from "@/lib/admin";
import { ACTIONS, type Action, assertCan, can, resolveSession } from "@/lib/auth";
import { closeCache } from "@/lib/cache";
import { findTenantBySlug } from "@/lib/catalogue";
import { closeDatabase, pgError, tables, withSystem, withTenant } from "@/lib/db";
import { Conflict, Forbidden, ValidationFailed } from "@/lib/errors";
import { json, memberFromSession, route } from "@/lib/http";
import { queryAudit } from "@/lib/tenants";
import { createAdmin } from "../support/admin";
import { addMember, createPractice, type TestPractice, unique } from "../support/factory";
import { signedInAs } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

type Client = Awaited<ReturnType<typeof signedInAs>>;
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by the matchers, not the compiler.
type Answer = { status: number; type: string; body: any };

const REASON = "Ticket 4411: owner reports missing bookings";
const isPermissionDenied = (error: unknown) => pgError(error)?.code === "42501";

async function read(res: Response | Promise<Response>): Promise<Answer> {
  const r = await res;
  const text = await r.text();
  return {
    status: r.status,
    type: r.headers.get("content-type") ?? "",
    body: text ? JSON.parse(text) : null,
  };
}

function expectProblem(answer: Answer, status: number, type: string) {
  expect(answer.status).toBe(status);
  expect(answer.type).toBe("application/problem+json");
  expect(answer.body.type).toMatch(new RegExp(`/${type}$`));
}

/** A request with no cookie at all, the way an anonymous client calls. */
function anonymous<P>(
  handler: Handler<P>,
  path: string,
  init: { method?: string; body?: unknown; params?: P },
) {
  const request = new Request(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return handler(request, { params: Promise.resolve((init.params ?? {}) as P) });
}

const libAdmin = async (client: Client): Promise<PlatformAdmin> =>
  assertPlatformAdmin(await resolveSession(client.token));

/** Every admin route, called by `client` (or anonymously) against practice `id`. */
function adminRoutes(id: string) {
  const params = { id };
  const base = `/api/v1/admin/tenants/${id}`;
  return [
    { name: "GET tenants", handler: tenantsRoute as Handler<unknown>, path: "/api/v1/admin/tenants" },
    {
      name: "POST suspend",
      handler: suspendRoute,
      path: `${base}/suspend`,
      method: "POST",
      body: { reason: REASON },
      params,
    },
    { name: "POST reactivate", handler: reactivateRoute, path: `${base}/reactivate`, method: "POST", params },
    {
      name: "GET bookings",
      handler: supportViewRoute.GET,
      path: `${base}/bookings?reason=${encodeURIComponent(REASON)}`,
      params,
    },
    { name: "GET reports", handler: reportsRoute as Handler<unknown>, path: "/api/v1/admin/reports" },
  ] as {
    name: string;
    handler: Handler<unknown>;
    path: string;
    method?: string;
    body?: unknown;
    params?: unknown;
  }[];
}

let a: TestPractice;
let b: TestPractice;
let sa: TestSchedule;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let team: Record<"owner" | "manager" | "staff" | "customer", { userId: string; client: Client }>;
const booked: { id: string; manage_token: string }[] = [];

/** An hour boundary two days ahead plus `hours` (UTC): inside the test staff's 24/7 hours. */
function at(hours: number): string {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + (48 + hours) * 3_600_000).toISOString().replace(".000Z", "Z");
}

const guest = () => ({
  name: "Gail Guest",
  email: `${unique("guest")}@example.test`,
  phone: "+44 20 7946 0456",
});
const book = (practice: TestPractice, start: string) =>
  read(
    anonymous(publicBook, `/api/v1/public/tenants/${practice.slug}/bookings`, {
      method: "POST",
      body: { service_id: sa.serviceId, start, customer: guest(), notes: "Allergic to lavender" },
      params: { slug: practice.slug },
    }),
  );

beforeAll(async () => {
  [a, b] = await Promise.all([createPractice({ published: true }), createPractice({ published: true })]);
  sa = await createSchedule(a.tenantId);
  for (const hours of [1, 3, 5]) {
    const res = await book(a, at(hours));
    expect(res.status).toBe(201);
    booked.push(res.body);
  }
  const [manager, staff, customer] = await Promise.all(
    (["manager", "staff", "customer"] as const).map((role) => addMember(a.tenantId, role)),
  );
  if (!manager || !staff || !customer) throw new Error("members missing");
  team = {
    owner: { userId: a.owner.userId, client: await signedInAs(a.owner.userId, a.tenantId) },
    manager: { userId: manager.userId, client: await signedInAs(manager.userId, a.tenantId) },
    staff: { userId: staff.userId, client: await signedInAs(staff.userId, a.tenantId) },
    customer: { userId: customer.userId, client: await signedInAs(customer.userId, a.tenantId) },
  };
  admin = await createAdmin();
});
afterAll(async () => {
  await closeCache();
  await closeDatabase();
});

describe("the platform admin row of the matrix, at the lib level", () => {
  const ADMIN_ACTIONS: Action[] = ["bookings.view_as_support", "tenants.suspend", "reports.view_platform"];

  it("grants exactly view-as-support, suspending and platform reports — and nothing a member has", () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      expect(can("platform_admin", action), action).toBe(ADMIN_ACTIONS.includes(action));
    }
    expect(can("platform_admin", "bookings.view_all")).toBe(false);
    for (const role of ["customer", "staff", "manager", "owner"] as const) {
      for (const action of ADMIN_ACTIONS) expect(can(role, action), `${role} ${action}`).toBe(false);
    }
  });

  it("admin rights never make a member: assertCan refuses the admin as a user", () => {
    const asUser = { kind: "user", userId: admin.userId } as const;
    expect(() => assertCan(asUser, "bookings.view_all")).toThrow(Forbidden);
    expect(() => assertCan(asUser, "tenants.suspend")).toThrow(Forbidden);
  });

  it("the admin's session in a practice it does not belong to carries no membership", async () => {
    const outsider = await createAdmin({ sessionTenantId: a.tenantId });
    const inA = outsider.client;
    const context = await resolveSession(inA.token);
    expect(context?.mfa.enabled).toBe(true);
    expect(context?.membership).toBeNull();
    expect(() => memberFromSession(context)).toThrow(Forbidden);
    // A team route of the dashboard refuses it like any outsider.
    expectProblem(await read(inA.call(dashboardExport, "/dashboard/bookings/export")), 403, "forbidden");
    // And RLS shows the admin, as itself, none of the practice's bookings.
    const rows = await withTenant({ kind: "user", userId: outsider.userId }, (tx) =>
      tx
        .select({ id: tables.bookings.id })
        .from(tables.bookings)
        .where(eq(tables.bookings.tenantId, a.tenantId)),
    );
    expect(rows).toEqual([]);
  });

  it("an admin who is also on a team keeps exactly that member's rights there", async () => {
    const both = await createAdmin({ memberOf: { tenantId: b.tenantId, role: "staff" } });
    const context = await resolveSession(both.client.token);
    expect(memberFromSession(context)).toMatchObject({ tenantId: b.tenantId, role: "staff" });
    expect((await read(both.client.call(tenantsRoute, "/api/v1/admin/tenants"))).status).toBe(200);
  });

  it("nobody can make themself an admin or change a practice's status through the API roles", async () => {
    const asUser = { kind: "user", userId: a.owner.userId } as const;
    await expect(
      withTenant(asUser, (tx) =>
        tx.update(tables.users).set({ isPlatformAdmin: true }).where(eq(tables.users.id, a.owner.userId)),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
    await expect(
      withTenant(a.owner.actor, (tx) =>
        tx.update(tables.tenants).set({ status: "suspended" }).where(eq(tables.tenants.id, a.tenantId)),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
  });
});

describe("who may call the admin API", () => {
  it("without a session every admin route is a 401", async () => {
    for (const r of adminRoutes(a.tenantId)) {
      expectProblem(await read(anonymous(r.handler, r.path, r)), 401, "unauthenticated");
    }
  });

  it("owner, manager, staff and customer of a practice get 403 on every admin route, and nothing changes", async () => {
    for (const [role, member] of Object.entries(team)) {
      for (const r of adminRoutes(a.tenantId)) {
        const res = await read(member.client.call(r.handler, r.path, r));
        expectProblem(res, 403, "forbidden");
        expect(res.body.detail, `${role} ${r.name}`).toBe("This is for Boka platform administrators only.");
      }
    }
    expect(await isPracticeSuspended(a.owner.actor)).toBe(false);
    const audit = await queryAudit(a.owner.actor, { action: "support." });
    expect(audit.entries).toEqual([]);
  });

  it("an admin without two-factor authentication is refused with a clear message", async () => {
    const noMfa = await createAdmin({ mfa: false });
    for (const r of adminRoutes(a.tenantId)) {
      const res = await read(noMfa.client.call(r.handler, r.path, r));
      expectProblem(res, 403, "mfa-required");
      expect(res.body.detail).toMatch(/two-factor authentication/);
    }
  });

  it("revoking is_platform_admin takes effect on the next request", async () => {
    const revoked = await createAdmin();
    const stale = await libAdmin(revoked.client);
    expect((await read(revoked.client.call(reportsRoute, "/api/v1/admin/reports"))).status).toBe(200);
    await withSystem("test revokes a platform admin", (tx) =>
      tx.update(tables.users).set({ isPlatformAdmin: false }).where(eq(tables.users.id, revoked.userId)),
    );
    expectProblem(await read(revoked.client.call(reportsRoute, "/api/v1/admin/reports")), 403, "forbidden");
    // A PlatformAdmin value checked before the revocation is refused inside the transaction too.
    await expect(platformReport(stale)).rejects.toBeInstanceOf(Forbidden);
    await expect(suspendPractice(stale, b.tenantId, { reason: REASON })).rejects.toBeInstanceOf(Forbidden);
    expect(await isPracticeSuspended(b.owner.actor)).toBe(false);
  });
});

describe("practices: list, suspend, reactivate", () => {
  const suspendCall = (id: string, body: unknown) =>
    read(
      admin.client.call(suspendRoute, `/api/v1/admin/tenants/${id}/suspend`, {
        method: "POST",
        body,
        params: { id },
      }),
    );
  const reactivateCall = (id: string, body?: unknown) =>
    read(
      admin.client.call(reactivateRoute, `/api/v1/admin/tenants/${id}/reactivate`, {
        method: "POST",
        params: { id },
        ...(body === undefined ? {} : { body }),
      }),
    );

  it("lists practices with owner, team size and booking count", async () => {
    const res = await read(admin.client.call(tenantsRoute, `/api/v1/admin/tenants?q=${a.slug}`));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.tenants[0]).toMatchObject({
      id: a.tenantId,
      slug: a.slug,
      status: "active",
      published: true,
      owner_email: a.owner.email,
      member_count: 3, // owner, manager, staff — the customer is not on the team
      booking_count: 3,
      suspended_at: null,
    });
    const bad = await read(admin.client.call(tenantsRoute, "/api/v1/admin/tenants?status=gone"));
    expectProblem(bad, 422, "validation-failed");
  });

  it("refuses a missing or too short reason (422) and unknown or malformed ids (404)", async () => {
    for (const body of [{}, { reason: "" }, { reason: "because" }, { reason: 42 }]) {
      const res = await suspendCall(a.tenantId, body);
      expectProblem(res, 422, "validation-failed");
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["reason"]);
    }
    expectProblem(await suspendCall(crypto.randomUUID(), { reason: REASON }), 404, "not-found");
    expectProblem(await suspendCall("not-a-uuid", { reason: REASON }), 404, "not-found");
    expect(await isPracticeSuspended(a.owner.actor)).toBe(false);
  });

  it("suspends with a reason, audited in the practice's log and the platform log", async () => {
    const res = await suspendCall(a.tenantId, { reason: `  ${REASON}  ` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: a.tenantId,
      slug: a.slug,
      name: `Practice ${a.slug}`,
      status: "suspended",
    });
    expectProblem(await suspendCall(a.tenantId, { reason: REASON }), 409, "conflict");

    const audit = await queryAudit(a.owner.actor, { action: "tenant.suspended" });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      actorUserId: admin.userId,
      targetType: "tenant",
      targetId: a.tenantId,
      details: { reason: REASON, admin: admin.email },
    });
    const log = await listPlatformLog(await libAdmin(admin.client));
    expect(log.find((e) => e.action === "tenant.suspended" && e.targetTenantId === a.tenantId)).toMatchObject(
      {
        actorUserId: admin.userId,
        practiceName: `Practice ${a.slug}`,
        details: { reason: REASON },
      },
    );
    const listed = await listPractices(await libAdmin(admin.client), { q: a.slug });
    expect(listed.rows[0]).toMatchObject({ status: "suspended", suspensionReason: REASON });
    expect(listed.rows[0]?.suspendedAt).toBeInstanceOf(Date);
  });

  it("a suspended practice is a 404 for visitors and takes no bookings", async () => {
    const path = `/api/v1/public/tenants/${a.slug}`;
    expectProblem(await read(anonymous(publicTenant, path, { params: { slug: a.slug } })), 404, "not-found");
    expectProblem(await book(a, at(9)), 404, "not-found");
    const first = booked[0];
    if (!first) throw new Error("no booking");
    const manage = (handler: Handler<{ id: string }>, method = "GET") =>
      handler(
        new Request(`http://localhost:3000/api/v1/public/bookings/${first.id}`, {
          method,
          headers: { authorization: `Bearer ${first.manage_token}` },
        }),
        { params: Promise.resolve({ id: first.id }) },
      );
    expectProblem(await read(manage(publicManaged)), 404, "not-found");
    expectProblem(await read(manage(publicCancel, "POST")), 404, "not-found");
    expect(await withTenant({ kind: "anon" }, (tx) => findTenantBySlug(tx, a.slug))).toBeNull();
  });

  it("its team is refused: 403 practice-suspended from the API, and the dashboard guard's check says so", async () => {
    const teamRoute = route(async (ctx) => json(memberFromSession(await ctx.session())));
    for (const role of ["owner", "manager", "staff"] as const) {
      const res = await read(team[role].client.call(teamRoute, "/api/v1/anything"));
      expectProblem(res, 403, "practice-suspended");
      expect(res.body.detail).toMatch(/This practice is suspended/);
    }
    const suspended = await resolveSession(team.owner.client.token);
    expect(() => memberFromSession(suspended)).toThrow(PracticeSuspended);
    expect(await isPracticeSuspended(a.owner.actor)).toBe(true);
    // Another practice's team is not affected.
    const other = await signedInAs(b.owner.userId, b.tenantId);
    expect((await read(other.call(teamRoute, "/api/v1/anything"))).status).toBe(200);
  });

  it("reactivates (reason optional), audited, and everything is back", async () => {
    const res = await reactivateCall(a.tenantId);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("active");
    expectProblem(await reactivateCall(a.tenantId), 409, "conflict");
    expectProblem(await reactivateCall(a.tenantId, "not an object"), 422, "validation-failed");

    const audit = await queryAudit(a.owner.actor, { action: "tenant.reactivated" });
    expect(audit.entries[0]).toMatchObject({ actorUserId: admin.userId, details: { admin: admin.email } });
    const path = `/api/v1/public/tenants/${a.slug}`;
    expect((await read(anonymous(publicTenant, path, { params: { slug: a.slug } }))).status).toBe(200);
    expect(memberFromSession(await resolveSession(team.owner.client.token))).toMatchObject({ role: "owner" });
  });

  it("the lib does the same for a reactivation reason, and refuses bad input itself", async () => {
    const lib = await libAdmin(admin.client);
    await suspendPractice(lib, b.tenantId, { reason: REASON });
    await expect(reactivatePractice(lib, b.tenantId, { reason: 7 })).rejects.toBeInstanceOf(ValidationFailed);
    await reactivatePractice(lib, b.tenantId, { reason: "Owner paid the invoice" });
    await expect(reactivatePractice(lib, b.tenantId)).rejects.toBeInstanceOf(Conflict);
    await expect(suspendPractice(lib, b.tenantId, { reason: "short" })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
    const audit = await queryAudit(b.owner.actor, { action: "tenant." });
    const ours = audit.entries.filter((e) => e.actorUserId === admin.userId);
    expect(ours.map((e) => [e.action, e.details.reason])).toEqual([
      ["tenant.reactivated", "Owner paid the invoice"],
      ["tenant.suspended", REASON],
    ]);
  });
});

describe("view as support", () => {
  const supportCall = (id: string, search: string) =>
    read(
      admin.client.call(supportViewRoute.GET, `/api/v1/admin/tenants/${id}/bookings${search}`, {
        params: { id },
      }),
    );

  it("needs a reason", async () => {
    const before = (await queryAudit(a.owner.actor, { action: "support." })).entries.length;
    for (const search of ["", "?reason=", "?reason=short", `?reason=${encodeURIComponent(REASON)}&page=x`]) {
      expectProblem(await supportCall(a.tenantId, search), 422, "validation-failed");
    }
    expect((await queryAudit(a.owner.actor, { action: "support." })).entries).toHaveLength(before);
    expectProblem(
      await supportCall(crypto.randomUUID(), `?reason=${encodeURIComponent(REASON)}`),
      404,
      "not-found",
    );
  });

  it("shows the bookings read-only, without customer contact details, and audits every opening", async () => {
    const res = await supportCall(a.tenantId, `?reason=${encodeURIComponent(REASON)}`);
    expect(res.status).toBe(200);
    expect(res.body.tenant).toMatchObject({ id: a.tenantId, slug: a.slug, time_zone: "Europe/London" });
    expect(res.body.total).toBe(3);
    expect(res.body.bookings.map((x: { id: string }) => x.id).sort()).toEqual(booked.map((x) => x.id).sort());
    const row = res.body.bookings[0];
    expect(row).toMatchObject({ customer_name: "Gail Guest", service_name: "Massage" });
    expect(["pending", "confirmed"]).toContain(row.status);
    expect(row).not.toHaveProperty("customer_email");
    expect(JSON.stringify(res.body)).not.toMatch(/example\.test|lavender|7946/);

    await supportCall(a.tenantId, `?reason=${encodeURIComponent(REASON)}&page=2`);
    const audit = await queryAudit(a.owner.actor, { action: "support.viewed_bookings" });
    expect(audit.entries.map((e) => e.details)).toEqual([
      { reason: REASON, page: 2, admin: admin.email },
      { reason: REASON, page: 1, admin: admin.email },
    ]);
    expect(audit.entries.every((e) => e.actorUserId === admin.userId)).toBe(true);
    const log = await listPlatformLog(await libAdmin(admin.client));
    expect(
      log.filter((e) => e.action === "support.viewed_bookings" && e.targetTenantId === a.tenantId),
    ).toHaveLength(2);
  });

  it("is read-only: the route answers GET alone and the lib changes no booking", async () => {
    expect(Object.keys(supportViewRoute)).toEqual(["GET"]);
    const before = await withSystem("test reads bookings", (tx) =>
      tx.select().from(tables.bookings).where(eq(tables.bookings.tenantId, a.tenantId)),
    );
    const view = await viewBookingsAsSupport(await libAdmin(admin.client), a.tenantId, { reason: REASON });
    expect(view.rows).toHaveLength(3);
    const after = await withSystem("test reads bookings", (tx) =>
      tx.select().from(tables.bookings).where(eq(tables.bookings.tenantId, a.tenantId)),
    );
    expect(after).toEqual(before);
  });
});

describe("platform log", () => {
  it("only platform admins read it, and nobody writes it through the API roles", async () => {
    const asOwner = { kind: "user", userId: a.owner.userId } as const;
    const seen = await withTenant(asOwner, (tx) => tx.execute(sql`select id from public.platform_audit_log`));
    expect(seen.rows).toEqual([]);
    const asAdmin = { kind: "user", userId: admin.userId } as const;
    const adminSees = await withTenant(asAdmin, (tx) =>
      tx.execute(sql`select id from public.platform_audit_log`),
    );
    expect(adminSees.rows.length).toBeGreaterThan(0);
    await expect(
      withTenant(asAdmin, (tx) =>
        tx.execute(
          sql`insert into public.platform_audit_log (actor_user_id, action) values (${admin.userId}, 'x.y')`,
        ),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
    await expect(
      withSystem("test tries to edit the platform log", (tx) =>
        tx.execute(sql`update public.platform_audit_log set action = 'x.y'`),
      ),
    ).rejects.toSatisfy(isPermissionDenied);
  });
});

describe("platform reports", () => {
  it("GET /api/v1/admin/reports answers consistent totals", async () => {
    const res = await read(admin.client.call(reportsRoute, "/api/v1/admin/reports"));
    expect(res.status).toBe(200);
    const { practices, users, bookings, new_practices_by_week: weeks } = res.body;
    expect(practices.total).toBe(practices.active + practices.suspended);
    expect(practices.published).toBeGreaterThanOrEqual(2);
    expect(users).toBeGreaterThanOrEqual(6);
    expect(bookings.days).toBe(30);
    expect(bookings.total).toBeGreaterThanOrEqual(3);
    expect(bookings.total).toBe(
      Object.values(bookings.by_status as Record<string, number>).reduce((s, n) => s + n, 0),
    );
    expect(weeks).toHaveLength(8);
  });

  it("counts suspensions, bookings of the last 30 days by status and new practices per week", async () => {
    const lib = await libAdmin(admin.client);
    const before = await platformReport(lib);
    await suspendPractice(lib, b.tenantId, { reason: REASON });
    expect((await platformReport(lib)).practices.suspended).toBe(before.practices.suspended + 1);
    await reactivatePractice(lib, b.tenantId);

    // A window in 2001 that no other test writes to: counts there are exact.
    const now = new Date("2001-03-15T12:00:00Z"); // a Thursday; its ISO week starts Monday 2001-03-12
    const created = [
      "2001-01-21T23:59:59Z", // the Sunday before the first week: out
      "2001-01-22T00:00:00Z", // first week
      "2001-02-05T00:00:00Z", // third week
      "2001-03-13T09:00:00Z", // this week
      "2001-03-15T12:00:01Z", // after now: out
    ];
    const practices = await Promise.all(created.map(() => createPractice()));
    const [b1, b2, b3] = booked;
    if (!b1 || !b2 || !b3) throw new Error("bookings missing");
    const cancelled = await read(
      publicCancel(
        new Request(`http://localhost:3000/api/v1/public/bookings/${b2.id}/cancel`, {
          method: "POST",
          headers: { authorization: `Bearer ${b2.manage_token}` },
        }),
        { params: Promise.resolve({ id: b2.id }) },
      ),
    );
    expect(cancelled.status).toBe(200);
    await withSystem("test moves creation times into 2001", async (tx) => {
      for (const [i, p] of practices.entries()) {
        await tx
          .update(tables.tenants)
          .set({ createdAt: new Date(created[i] as string) })
          .where(eq(tables.tenants.id, p.tenantId));
      }
      const move = (id: string, when: string) =>
        tx
          .update(tables.bookings)
          .set({ createdAt: new Date(when) })
          .where(and(eq(tables.bookings.tenantId, a.tenantId), inArray(tables.bookings.id, [id])));
      await move(b1.id, "2001-03-01T10:00:00Z"); // as booked (pending or confirmed), in
      await move(b2.id, "2001-02-13T12:00:01Z"); // cancelled, just inside 30 days
      await move(b3.id, "2001-02-13T12:00:00Z"); // exactly 30 days before: out
    });
    const [first] = await withSystem("test reads a booking's status", (tx) =>
      tx
        .select({ status: tables.bookings.status })
        .from(tables.bookings)
        .where(eq(tables.bookings.id, b1.id)),
    );
    const report = await platformReport(lib, now);
    const zero = { pending: 0, confirmed: 0, cancelled: 0, completed: 0, no_show: 0, expired: 0 };
    expect(report.bookings.byStatus).toEqual({ ...zero, [first?.status ?? "?"]: 1, cancelled: 1 });
    expect(report.bookings.total).toBe(2);
    expect(report.newPracticesByWeek).toEqual([
      { weekStart: "2001-01-22", count: 1 },
      { weekStart: "2001-01-29", count: 0 },
      { weekStart: "2001-02-05", count: 1 },
      { weekStart: "2001-02-12", count: 0 },
      { weekStart: "2001-02-19", count: 0 },
      { weekStart: "2001-02-26", count: 0 },
      { weekStart: "2001-03-05", count: 0 },
      { weekStart: "2001-03-12", count: 1 },
    ]);
  });

  it("refuses a lib call with a forged admin value", async () => {
    const forged = { userId: a.owner.userId, email: a.owner.email, name: "x" } as unknown as PlatformAdmin;
    await expect(platformReport(forged)).rejects.toBeInstanceOf(Forbidden);
    await expect(listPractices(forged)).rejects.toBeInstanceOf(Forbidden);
    await expect(viewBookingsAsSupport(forged, a.tenantId, { reason: REASON })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(listPlatformLog(forged)).resolves.toEqual([]);
    await expect(suspendPractice(forged, a.tenantId, { reason: REASON })).rejects.toBeInstanceOf(Forbidden);
  });
});
