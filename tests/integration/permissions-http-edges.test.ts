/**
 * The dashboard API beyond the matrix table: expectations written out by hand (so a wrong matrix would
 * not pass unnoticed), sessions, CSRF, cross-tenant ids, validation and conflicts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirm } from "@/app/api/v1/bookings/[id]/confirm/route";
import { POST as reschedule } from "@/app/api/v1/bookings/[id]/reschedule/route";
import { GET as booking } from "@/app/api/v1/bookings/[id]/route";
import { GET as bookings, POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as customer, PATCH as patchCustomer } from "@/app/api/v1/customers/[id]/route";
import { POST as createCustomer, GET as customers } from "@/app/api/v1/customers/route";
import { PATCH as patchService } from "@/app/api/v1/services/[id]/route";
import { POST as createService } from "@/app/api/v1/services/route";
import { PATCH as patchSettings, GET as settings } from "@/app/api/v1/settings/route";
import { PUT as putHours } from "@/app/api/v1/staff/[id]/hours/route";
import { POST as createStaff } from "@/app/api/v1/staff/route";
import { DELETE as revoke } from "@/app/api/v1/team/invitations/[id]/route";
import { POST as invite } from "@/app/api/v1/team/invitations/route";
import { PATCH as changeRole } from "@/app/api/v1/team/members/[userId]/route";
import { GET as team } from "@/app/api/v1/team/route";
import { sessionCookieName } from "@/lib/auth";
import { closeDatabase } from "@/lib/db";
import { inviteMember } from "@/lib/tenants";
import { addMember, unique } from "../support/factory";
import { signedInAs } from "../support/http";
import { book, buildWorld, nextSlot, type World } from "./permissions-http-world";

afterAll(closeDatabase);

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const problem = async (res: Response) => {
  const { request_id: _, ...rest } = await res.json();
  return { status: res.status, ...rest };
};
const email = () => `${unique("x")}@example.test`;

describe("written out by hand", () => {
  it("staff book into their own diary, and cannot see or book a colleague's", async () => {
    const made = await w.as.staff.call(createBooking, "/api/v1/bookings", {
      method: "POST",
      body: {
        service_id: w.schedA.serviceId,
        staff_id: w.mine,
        ...nextSlot(),
        customer_id: w.schedA.customerId,
      },
    });
    expect(made.status).toBe(201);
    const own = await made.json();
    expect(own).toMatchObject({ staff_id: w.mine, status: "confirmed", source: "dashboard" });
    expect(own).not.toHaveProperty("manage_token_hash");

    const theirs = await book(w, w.theirs);
    const peek = await w.as.staff.call(booking, `/api/v1/bookings/${theirs}`, { params: { id: theirs } });
    const missing = crypto.randomUUID();
    const none = await w.as.staff.call(booking, `/api/v1/bookings/${missing}`, { params: { id: missing } });
    expect(peek.status).toBe(404);
    expect(await problem(peek)).toEqual(await problem(none));

    const list = async (who: "staff" | "manager") =>
      ((await (await w.as[who].call(bookings, "/api/v1/bookings")).json()).data as { id: string }[]).map(
        (b) => b.id,
      );
    expect(await list("staff")).toContain(own.id);
    expect(await list("staff")).not.toContain(theirs);
    expect(await list("manager")).toEqual(expect.arrayContaining([own.id, theirs]));

    const intoTheirs = await w.as.staff.call(createBooking, "/api/v1/bookings", {
      method: "POST",
      body: {
        service_id: w.schedA.serviceId,
        staff_id: w.theirs,
        ...nextSlot(),
        customer_id: w.schedA.customerId,
      },
    });
    expect(intoTheirs.status).toBe(403);
  });

  it("a manager cannot invite a manager; the owner can", async () => {
    const body = { email: email(), role: "manager" };
    const refused = await w.as.manager.call(invite, "/api/v1/team/invitations", { method: "POST", body });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe("You are not allowed to invite managers.");
    const made = await w.as.owner.call(invite, "/api/v1/team/invitations", { method: "POST", body });
    expect(made.status).toBe(201);
    expect((await made.json()).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("staff cannot change the settings; the owner can, and managers see the change", async () => {
    const name = `Renamed ${unique("p")}`;
    const refused = await w.as.staff.call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      body: { name },
    });
    expect(refused.status).toBe(403);
    const saved = await w.as.owner.call(patchSettings, "/api/v1/settings", {
      method: "PATCH",
      body: { name },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ name, time_zone: "Europe/London", currency: "GBP" });
    const seen = await (await w.as.manager.call(settings, "/api/v1/settings")).json();
    expect(seen).toMatchObject({ name, slug: w.a.slug });
    expect(seen.published_at).toMatch(/Z$/);
  });

  it("a role change ends the member's session; the next sign-in has the new role", async () => {
    const member = await addMember(w.a.tenantId, "manager");
    const browser = await signedInAs(member.userId, w.a.tenantId);
    expect((await browser.call(team, "/api/v1/team")).status).toBe(200);
    const demote = await w.as.owner.call(changeRole, `/api/v1/team/members/${member.userId}`, {
      method: "PATCH",
      body: { role: "staff" },
      params: { userId: member.userId },
    });
    expect(demote.status).toBe(204);
    // The old session ends (the token rotates); signed in again, the member acts as staff.
    expect((await browser.call(team, "/api/v1/team")).status).toBe(401);
    const again = await signedInAs(member.userId, w.a.tenantId);
    expect((await again.call(team, "/api/v1/team")).status).toBe(403);
  });
});

describe("sessions and origins", () => {
  it("no session is a 401 problem", async () => {
    for (const [handler, method] of [
      [bookings, "GET"],
      [createService, "POST"],
    ] as const) {
      const res = await handler(
        new Request("http://localhost:3000/api/v1/x", { method, body: method === "GET" ? null : "{}" }),
        {
          params: Promise.resolve({}),
        },
      );
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).type).toMatch(/\/unauthenticated$/);
    }
  });

  it("a cookie POST from a foreign origin is refused before anything is written", async () => {
    const address = email();
    const res = await createCustomer(
      new Request("http://localhost:3000/api/v1/customers", {
        method: "POST",
        headers: {
          cookie: `${sessionCookieName()}=${w.as.owner.token}`,
          origin: "https://evil.example",
          host: "localhost:3000",
          "content-type": "application/json",
        },
        body: JSON.stringify({ name: "Mallory", email: address }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe("Cross-site request refused.");
    const found = await w.as.owner.call(customers, `/api/v1/customers?query=${encodeURIComponent(address)}`);
    expect((await found.json()).data).toEqual([]);
  });
});

describe("another practice's ids are 404, exactly like missing ones", () => {
  const cases: [string, (id: string) => Promise<Response>, (w: World) => Promise<string>][] = [
    [
      "GET /bookings/{id}",
      (id) => w.as.owner.call(booking, "/x", { params: { id } }),
      async (x) => x.bookingB,
    ],
    [
      "GET /customers/{id}",
      (id) => w.as.owner.call(customer, "/x", { params: { id } }),
      async (x) => x.schedB.customerId,
    ],
    [
      "PATCH /customers/{id}",
      (id) => w.as.owner.call(patchCustomer, "/x", { method: "PATCH", body: { notes: "x" }, params: { id } }),
      async (x) => x.schedB.customerId,
    ],
    [
      "PATCH /services/{id}",
      (id) =>
        w.as.owner.call(patchService, "/x", { method: "PATCH", body: { name: "Taken" }, params: { id } }),
      async (x) => x.schedB.serviceId,
    ],
    [
      "PUT /staff/{id}/hours",
      (id) =>
        w.as.owner.call(putHours, "/x", {
          method: "PUT",
          body: { days: Array.from({ length: 7 }, () => ({ intervals: [] })) },
          params: { id },
        }),
      async (x) => x.schedB.staffIds[0] ?? "",
    ],
    [
      "PATCH /team/members/{id}",
      (userId) =>
        w.as.owner.call(changeRole, "/x", { method: "PATCH", body: { role: "staff" }, params: { userId } }),
      async (x) => x.b.owner.userId,
    ],
    [
      "DELETE /team/invitations/{id}",
      (id) => w.as.owner.call(revoke, "/x", { method: "DELETE", params: { id } }),
      async (x) => (await inviteMember(x.b.owner.actor, { email: email(), role: "staff" })).invitationId,
    ],
  ];

  it.each(cases)("%s", async (_name, request, foreignId) => {
    const foreign = await request(await foreignId(w));
    expect(foreign.status).toBe(404);
    const body = await problem(foreign);
    const { detail, ...rest } = body;
    expect(rest).toMatchObject({ status: 404, title: "Not found" });
    expect(detail).toMatch(/not found$/);
    expect(await problem(await request(crypto.randomUUID()))).toEqual(body);
    expect(await problem(await request("not-a-uuid"))).toEqual(body);
  });
});

describe("validation and conflicts", () => {
  it("bad fields are a 422 naming each snake_case field, from the route or from lib", async () => {
    const bad = await w.as.owner.call(createService, "/api/v1/services", {
      method: "POST",
      body: { name: "", duration_minutes: 3, price_cents: 12.5 },
    });
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "duration_minutes", "price_cents"]));

    // Lib checks the link (the user must be on this practice's team) and names its field `userId`.
    const outsider = await w.as.owner.call(createStaff, "/api/v1/staff", {
      method: "POST",
      body: { display_name: "Outsider", user_id: w.b.owner.userId },
    });
    expect(outsider.status).toBe(422);
    expect((await outsider.json()).errors).toEqual([
      { field: "user_id", message: "Choose a member of this practice" },
    ]);

    const both = await w.as.owner.call(createBooking, "/api/v1/bookings", {
      method: "POST",
      body: {
        service_id: w.schedA.serviceId,
        staff_id: w.mine,
        ...nextSlot(),
        customer_id: w.schedA.customerId,
        customer: { name: "Two Ways", email: email() },
      },
    });
    expect(both.status).toBe(422);
    expect((await both.json()).errors[0].field).toBe("customer_id");
  });

  it("a taken time is a 409 slot-unavailable and changes nothing; an impossible transition a 409", async () => {
    const a = await book(w, w.theirs);
    const b = await book(w, w.theirs);
    const bStart = (await (await w.as.owner.call(booking, "/x", { params: { id: b } })).json()).start_at;
    const aDetail = await (await w.as.owner.call(booking, "/x", { params: { id: a } })).json();
    const at = new Date(aDetail.start_at);
    const local = at.toLocaleString("sv-SE", { timeZone: "Europe/London" });
    const clash = await w.as.owner.call(reschedule, "/x", {
      method: "POST",
      body: { date: local.slice(0, 10), time: local.slice(11, 16), staff_id: w.theirs },
      params: { id: b },
    });
    expect(clash.status).toBe(409);
    expect((await clash.json()).type).toMatch(/\/slot-unavailable$/);
    expect((await (await w.as.owner.call(booking, "/x", { params: { id: b } })).json()).start_at).toBe(
      bStart,
    );

    const again = await w.as.owner.call(confirm, "/x", { method: "POST", params: { id: a } });
    expect(again.status).toBe(409);
    expect((await again.json()).type).toMatch(/\/conflict$/);
  });
});
