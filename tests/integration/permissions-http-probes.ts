/**
 * One HTTP request per route of the dashboard API (plus the public catalogue), each tagged with the
 * matrix action it exercises. `request` builds fresh fixtures, so every role meets the same situation
 * and a refused request cannot be mistaken for a missing object.
 */

import { POST as rollKey } from "@/app/api/v1/api-keys/[id]/roll/route";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { POST as createKey, GET as keys } from "@/app/api/v1/api-keys/route";
import { GET as auditLog } from "@/app/api/v1/audit/route";
import { POST as cancel } from "@/app/api/v1/bookings/[id]/cancel/route";
import { POST as complete } from "@/app/api/v1/bookings/[id]/complete/route";
import { POST as confirm } from "@/app/api/v1/bookings/[id]/confirm/route";
import { POST as decline } from "@/app/api/v1/bookings/[id]/decline/route";
import { POST as noShow } from "@/app/api/v1/bookings/[id]/no-show/route";
import { POST as reschedule } from "@/app/api/v1/bookings/[id]/reschedule/route";
import { GET as booking } from "@/app/api/v1/bookings/[id]/route";
import { GET as bookings, POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as calendar } from "@/app/api/v1/calendar/route";
import { GET as customer, PATCH as patchCustomer } from "@/app/api/v1/customers/[id]/route";
import { POST as createCustomer, GET as customers } from "@/app/api/v1/customers/route";
import { POST as retryDeadJobs } from "@/app/api/v1/jobs/retry-dead/route";
import { GET as jobs } from "@/app/api/v1/jobs/route";
import { GET as publicServices } from "@/app/api/v1/public/tenants/[slug]/services/route";
import { PATCH as patchService } from "@/app/api/v1/services/[id]/route";
import { POST as createService, GET as services } from "@/app/api/v1/services/route";
import { POST as publish } from "@/app/api/v1/settings/publish/route";
import { PATCH as patchSettings, GET as settings } from "@/app/api/v1/settings/route";
import { POST as unpublish } from "@/app/api/v1/settings/unpublish/route";
import { GET as hours, PUT as putHours } from "@/app/api/v1/staff/[id]/hours/route";
import { POST as createStaff, GET as staff } from "@/app/api/v1/staff/route";
import { POST as resend } from "@/app/api/v1/team/invitations/[id]/resend/route";
import { DELETE as revoke } from "@/app/api/v1/team/invitations/[id]/route";
import { POST as invite } from "@/app/api/v1/team/invitations/route";
import { PATCH as changeRole, DELETE as removeMember } from "@/app/api/v1/team/members/[userId]/route";
import { GET as team } from "@/app/api/v1/team/route";
import { POST as transfer } from "@/app/api/v1/team/transfer-ownership/route";
import { createApiKey } from "@/lib/api-keys";
import type { Action } from "@/lib/auth";
import { publishBookingPage } from "@/lib/auth";
import { createStaff as addStaffRecord } from "@/lib/catalogue";
import { inviteMember, transferOwnership } from "@/lib/tenants";
import { addMember, unique } from "../support/factory";
import { book, nextSlot, type World } from "./permissions-http-world";

// biome-ignore lint/suspicious/noExplicitAny: route handlers differ only in their params type.
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
export type Call = {
  handler: Handler;
  path: string;
  method?: string;
  body?: unknown;
  params?: Record<string, string>;
  /** Run after a successful request that changed the world for everyone (ownership, publishing). */
  undo?: () => Promise<unknown>;
};

export type Probe = {
  name: string;
  action: Action;
  /** "team": the dashboard API; "public": the anonymous public API, open to everyone. */
  audience: "team" | "public";
  ok: number;
  /** How a refusal reads: 403, or 404 where another staff member's booking must look missing. */
  refused: 403 | 404;
  request: (world: World) => Promise<Call>;
};

type Req = { method?: string; body?: unknown; params?: Record<string, string> };
const call = (handler: Handler, path: string, init: Req = {}): Call => ({ handler, path, ...init });
const probe = (
  name: string,
  action: Action,
  ok: number,
  request: (world: World) => Promise<Call>,
  refused: 403 | 404 = 403,
): Probe => ({ name, action, audience: "team", ok, refused, request });

const week = { days: Array.from({ length: 7 }, () => ({ intervals: [{ start: "09:00", end: "17:00" }] })) };
const email = (prefix: string) => `${unique(prefix)}@example.test`;

/** A status change or cancellation of a fresh booking in one of the two diaries. */
const onBooking =
  (handler: Handler, verb: string, diary: "mine" | "theirs", options: Parameters<typeof book>[2] = {}) =>
  async (w: World): Promise<Call> => {
    const id = await book(w, w[diary], options);
    const body = verb === "cancel" ? { reason: "Customer rang" } : undefined;
    return call(handler, `/api/v1/bookings/${id}/${verb}`, { method: "POST", body, params: { id } });
  };

const moveBooking = (diary: "mine" | "theirs") => async (w: World) => {
  const id = await book(w, w[diary]);
  const body = { ...nextSlot(), staff_id: w[diary] };
  return call(reschedule, `/api/v1/bookings/${id}/reschedule`, { method: "POST", body, params: { id } });
};

const showBooking = (diary: "mine" | "theirs") => async (w: World) => {
  const id = await book(w, w[diary]);
  return call(booking, `/api/v1/bookings/${id}`, { params: { id } });
};

async function staffInvitation(w: World): Promise<string> {
  return (await inviteMember(w.a.owner.actor, { email: email("i"), role: "staff" })).invitationId;
}

const BOOKINGS: Probe[] = [
  probe("GET /bookings", "bookings.view_own", 200, async () => call(bookings, "/api/v1/bookings")),
  probe("GET /calendar", "bookings.view_own", 200, async () =>
    call(calendar, `/api/v1/calendar?start=${nextSlot().date}&view=day`),
  ),
  probe("POST /bookings (own diary)", "bookings.create", 201, async (w) => {
    const body = {
      service_id: w.schedA.serviceId,
      staff_id: w.mine,
      ...nextSlot(),
      customer_id: w.schedA.customerId,
    };
    return call(createBooking, "/api/v1/bookings", { method: "POST", body });
  }),
  probe("GET /bookings/{own}", "bookings.view_own", 200, showBooking("mine")),
  probe("POST /bookings/{own}/cancel", "bookings.change_own", 200, onBooking(cancel, "cancel", "mine")),
  probe("POST /bookings/{own}/reschedule", "bookings.change_own", 200, moveBooking("mine")),
  probe(
    "POST /bookings/{own}/confirm",
    "bookings.change_own",
    200,
    onBooking(confirm, "confirm", "mine", { pending: true }),
  ),
  probe(
    "POST /bookings/{own}/decline",
    "bookings.change_own",
    200,
    onBooking(decline, "decline", "mine", { pending: true }),
  ),
  probe(
    "POST /bookings/{own}/complete",
    "bookings.change_own",
    200,
    onBooking(complete, "complete", "mine", { past: true }),
  ),
  probe(
    "POST /bookings/{own}/no-show",
    "bookings.change_own",
    200,
    onBooking(noShow, "no-show", "mine", { past: true }),
  ),
  // Another staff member's booking must look missing to staff, as another practice's does.
  probe("GET /bookings/{colleague's}", "bookings.view_all", 200, showBooking("theirs"), 404),
  probe(
    "POST /bookings/{colleague's}/cancel",
    "bookings.change_all",
    200,
    onBooking(cancel, "cancel", "theirs"),
    404,
  ),
  probe("POST /bookings/{colleague's}/reschedule", "bookings.change_all", 200, moveBooking("theirs"), 404),
  probe(
    "POST /bookings/{colleague's}/confirm",
    "bookings.change_all",
    200,
    onBooking(confirm, "confirm", "theirs", { pending: true }),
    404,
  ),
];

const CUSTOMERS: Probe[] = [
  probe("GET /customers", "customers.view", 200, async () => call(customers, "/api/v1/customers?query=pat")),
  probe("GET /customers/{id}", "customers.view", 200, async (w) =>
    call(customer, `/api/v1/customers/${w.schedA.customerId}`, { params: { id: w.schedA.customerId } }),
  ),
  probe("POST /customers", "customers.manage", 201, async () =>
    call(createCustomer, "/api/v1/customers", {
      method: "POST",
      body: { name: "New Person", email: email("c") },
    }),
  ),
  probe("PATCH /customers/{id}", "customers.manage", 204, async (w) =>
    call(patchCustomer, `/api/v1/customers/${w.schedA.customerId}`, {
      method: "PATCH",
      body: { notes: unique("note") },
      params: { id: w.schedA.customerId },
    }),
  ),
];

const CATALOGUE: Probe[] = [
  {
    ...probe("GET /public/…/services", "catalogue.view_public", 200, async (w) =>
      call(publicServices, `/api/v1/public/tenants/${w.a.slug}/services`, { params: { slug: w.a.slug } }),
    ),
    audience: "public",
  },
  probe("GET /services", "catalogue.view", 200, async () => call(services, "/api/v1/services")),
  probe("GET /staff", "catalogue.view", 200, async () => call(staff, "/api/v1/staff")),
  probe("GET /staff/{id}/hours", "catalogue.view", 200, async (w) =>
    call(hours, `/api/v1/staff/${w.theirs}/hours`, { params: { id: w.theirs } }),
  ),
  probe("POST /services", "catalogue.manage", 201, async () =>
    call(createService, "/api/v1/services", {
      method: "POST",
      body: { name: unique("Reiki"), duration_minutes: 45, price_cents: 5000 },
    }),
  ),
  probe("PATCH /services/{id}", "catalogue.manage", 204, async (w) =>
    call(patchService, `/api/v1/services/${w.schedA.serviceId}`, {
      method: "PATCH",
      body: { description: unique("Deep tissue") },
      params: { id: w.schedA.serviceId },
    }),
  ),
  probe("POST /staff", "catalogue.manage", 201, async () =>
    call(createStaff, "/api/v1/staff", { method: "POST", body: { display_name: "Robin Hart" } }),
  ),
  probe("PUT /staff/{id}/hours", "catalogue.manage", 204, async (w) => {
    const fields = { displayName: "Sam Lee", userId: "", timeZone: "", isActive: true };
    const { id } = await addStaffRecord(w.a.owner.actor, fields);
    return call(putHours, `/api/v1/staff/${id}/hours`, { method: "PUT", body: week, params: { id } });
  }),
];

const TEAM: Probe[] = [
  probe("GET /team", "team.invite_staff", 200, async () => call(team, "/api/v1/team")),
  probe("POST /team/invitations (staff)", "team.invite_staff", 201, async () =>
    call(invite, "/api/v1/team/invitations", { method: "POST", body: { email: email("s"), role: "staff" } }),
  ),
  probe("POST /team/invitations/{id}/resend", "team.invite_staff", 204, async (w) => {
    const id = await staffInvitation(w);
    return call(resend, `/api/v1/team/invitations/${id}/resend`, { method: "POST", params: { id } });
  }),
  probe("DELETE /team/invitations/{id}", "team.invite_staff", 204, async (w) => {
    const id = await staffInvitation(w);
    return call(revoke, `/api/v1/team/invitations/${id}`, { method: "DELETE", params: { id } });
  }),
  probe("POST /team/invitations (manager)", "team.invite_manager", 201, async () =>
    call(invite, "/api/v1/team/invitations", {
      method: "POST",
      body: { email: email("m"), role: "manager" },
    }),
  ),
  probe("PATCH /team/members/{id}", "team.change_roles", 204, async (w) => {
    const { userId } = await addMember(w.a.tenantId, "staff");
    const init = { method: "PATCH", body: { role: "manager" }, params: { userId } };
    return call(changeRole, `/api/v1/team/members/${userId}`, init);
  }),
  probe("DELETE /team/members/{id}", "team.remove_members", 204, async (w) => {
    const { userId } = await addMember(w.a.tenantId, "staff");
    return call(removeMember, `/api/v1/team/members/${userId}`, { method: "DELETE", params: { userId } });
  }),
  probe("POST /team/transfer-ownership", "team.transfer_ownership", 204, async (w) => {
    const heir = await addMember(w.a.tenantId, "manager");
    const body = { user_id: heir.userId };
    return {
      ...call(transfer, "/api/v1/team/transfer-ownership", { method: "POST", body }),
      // Hand ownership back, so the owner's later requests still act as the owner.
      undo: () => transferOwnership({ ...heir.actor, role: "owner" }, w.a.owner.userId),
    };
  }),
];

const SETTINGS: Probe[] = [
  probe("GET /settings", "settings.view", 200, async () => call(settings, "/api/v1/settings")),
  probe("GET /audit", "audit.view", 200, async () => call(auditLog, "/api/v1/audit?action=team.")),
  probe("GET /jobs", "jobs.manage", 200, async () => call(jobs, "/api/v1/jobs?status=dead")),
  probe("POST /jobs/retry-dead", "jobs.manage", 200, async () =>
    call(retryDeadJobs, "/api/v1/jobs/retry-dead", { method: "POST" }),
  ),
  probe("PATCH /settings", "settings.manage", 200, async (w) =>
    call(patchSettings, "/api/v1/settings", { method: "PATCH", body: { name: `Practice ${w.a.slug}` } }),
  ),
  probe("POST /settings/publish", "settings.manage", 200, async () =>
    call(publish, "/api/v1/settings/publish", { method: "POST" }),
  ),
  probe("POST /settings/unpublish", "settings.manage", 204, async (w) => ({
    ...call(unpublish, "/api/v1/settings/unpublish", { method: "POST" }),
    undo: () => publishBookingPage(w.a.owner.actor),
  })),
];

const aKey = async (w: World) =>
  (await createApiKey(w.a.owner.actor, { name: unique("key"), scopes: ["bookings:read"] })).key.id;

const API_KEYS: Probe[] = [
  probe("GET /api-keys", "settings.api_keys", 200, async () => call(keys, "/api/v1/api-keys")),
  probe("POST /api-keys", "settings.api_keys", 201, async () =>
    call(createKey, "/api/v1/api-keys", {
      method: "POST",
      body: { name: unique("Sync"), scopes: ["bookings:read"] },
    }),
  ),
  probe("POST /api-keys/{id}/roll", "settings.api_keys", 200, async (w) => {
    const id = await aKey(w);
    return call(rollKey, `/api/v1/api-keys/${id}/roll`, { method: "POST", body: {}, params: { id } });
  }),
  probe("DELETE /api-keys/{id}", "settings.api_keys", 200, async (w) => {
    const id = await aKey(w);
    return call(revokeKey, `/api/v1/api-keys/${id}`, { method: "DELETE", params: { id } });
  }),
];

export const PROBES: Probe[] = [...BOOKINGS, ...CUSTOMERS, ...CATALOGUE, ...TEAM, ...SETTINGS, ...API_KEYS];
