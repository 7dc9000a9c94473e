/**
 * Input the database cannot take, refused at the boundary with a 422 problem (never a 500): NUL
 * characters in JSON bodies and query strings (defect 4), and dates outside the supported years
 * (defect 7).
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineAction } from "@/app/_lib/action";
import { GET as audit } from "@/app/api/v1/audit/route";
import { GET as bookings, POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as calendar } from "@/app/api/v1/calendar/route";
import { POST as createCustomer, GET as customers } from "@/app/api/v1/customers/route";
import { GET as availability } from "@/app/api/v1/public/tenants/[slug]/availability/route";
import { POST as publicBooking } from "@/app/api/v1/public/tenants/[slug]/bookings/route";
import { GET as reports } from "@/app/api/v1/reports/route";
import { PATCH as patchService } from "@/app/api/v1/services/[id]/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { CustomerFields } from "@/lib/catalogue/fields";
import { closeDatabase } from "@/lib/db";
import { buildWorld, nextSlot, type World } from "./permissions-http-world";

afterAll(closeDatabase);

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const NUL = "\u0000";

async function expect422(res: Response, field?: string) {
  expect(res.status).toBe(422);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const problem = await res.json();
  expect(problem.request_id).toBeTruthy();
  if (field) expect(problem.errors).toContainEqual(expect.objectContaining({ field }));
}

function anonymous<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  path: string,
  params: P,
  body?: unknown,
) {
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  return handler(
    new Request(`http://localhost:3000${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "x-forwarded-for": ip, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
}

describe("NUL characters (defect 4)", () => {
  it("in a dashboard API body: customers, bookings (notes, customer.name), services, settings", async () => {
    const owner = w.as.owner;
    await expect422(
      await owner.call(createCustomer, "/api/v1/customers", {
        method: "POST",
        body: { name: `Ann${NUL}`, email: "ann@example.test" },
      }),
      "name",
    );
    const booking = { service_id: w.schedA.serviceId, staff_id: w.mine, ...nextSlot() };
    await expect422(
      await owner.call(createBooking, "/api/v1/bookings", {
        method: "POST",
        body: { ...booking, customer_id: w.schedA.customerId, notes: `x${NUL}y` },
      }),
      "notes",
    );
    await expect422(
      await owner.call(createBooking, "/api/v1/bookings", {
        method: "POST",
        body: { ...booking, customer: { name: `${NUL}`, email: "nul@example.test" } },
      }),
      "customer.name",
    );
    const id = w.schedA.serviceId;
    await expect422(
      await owner.call(patchService, `/api/v1/services/${id}`, {
        method: "PATCH",
        body: { name: `Cut${NUL}` },
        params: { id },
      }),
      "name",
    );
    await expect422(
      await owner.call(patchSettings, "/api/v1/settings", { method: "PATCH", body: { name: `P${NUL}` } }),
      "name",
    );
  });

  it("in a public booking body", async () => {
    const slot = new Date(Date.now() + 3 * 86_400_000);
    slot.setUTCHours(10, 0, 0, 0);
    const res = await anonymous(
      publicBooking,
      `/api/v1/public/tenants/${w.a.slug}/bookings`,
      { slug: w.a.slug },
      {
        service_id: w.schedA.serviceId,
        start: slot.toISOString(),
        customer: { name: `Gail${NUL}`, email: "gail@example.test" },
        notes: NUL,
      },
    );
    await expect422(res, "customer.name");
  });

  it("in query strings: ?query=%00, ?customer=%00", async () => {
    await expect422(await w.as.owner.call(customers, "/api/v1/customers?query=%00"), "query");
    await expect422(await w.as.owner.call(bookings, "/api/v1/bookings?customer=%00"), "customer");
  });

  it("in a path segment: 404, like any id that names nothing", async () => {
    const res = await anonymous(availability, "/api/v1/public/tenants/%00/availability", { slug: NUL });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("in a server action's input", async () => {
    const action = defineAction(CustomerFields, async () => "ran");
    const result = await action({ name: `Ann${NUL}`, email: "", phone: "", notes: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
  });
});

describe("dates outside the supported years (defect 7)", () => {
  it("GET /api/v1/calendar?start=9999-12-31&view=week is a 422", async () => {
    await expect422(await w.as.owner.call(calendar, "/api/v1/calendar?start=9999-12-31&view=week"), "start");
    await expect422(await w.as.owner.call(calendar, "/api/v1/calendar?start=0001-01-01&view=day"), "start");
  });

  it("every other date parameter is checked the same way", async () => {
    await expect422(await w.as.owner.call(bookings, "/api/v1/bookings?from=9999-12-31"), "from");
    await expect422(await w.as.owner.call(reports, "/api/v1/reports?from=9999-12-01&to=9999-12-31"), "from");
    await expect422(await w.as.owner.call(audit, "/api/v1/audit?to=9999-12-31"), "to");
    const q = new URLSearchParams({ service_id: w.schedA.serviceId, from: "9999-12-30", to: "9999-12-31" });
    await expect422(
      await anonymous(availability, `/api/v1/public/tenants/${w.a.slug}/availability?${q}`, {
        slug: w.a.slug,
      }),
      "from",
    );
  });
});
