import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeDatabase,
  connection,
  systemConnection,
  type Tx,
  tables,
  withSystem,
  withTenant,
} from "@/lib/db";
import { type CalendarFixture, createCalendarFixture } from "../support/calendar";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

/**
 * For every tenant-owned table: a statement that inserts a valid row for the given tenant (referencing
 * that tenant's real rows, so RLS is the only reason it can be refused). A new tenant table without an
 * entry here fails the "covers every table" test, so isolation is proven for it too.
 */
type Insert = (tx: Tx, tenantId: string, userId: string, s: Fixture) => Promise<unknown>;
type Fixture = TestSchedule & { bookingId: string; eventId: string; calendar: CalendarFixture };
const INSERT_FOR_TENANT: Record<string, Insert> = {
  resource_types: (tx, t) => tx.insert(tables.resourceTypes).values({ tenantId: t, name: "Stolen type" }),
  resources: (tx, t, _u, s) =>
    tx.insert(tables.resources).values({ tenantId: t, typeId: s.resourceTypeId, name: "x" }),
  services: (tx, t) =>
    tx.insert(tables.services).values({ tenantId: t, name: "x", durationMinutes: 30, currency: "GBP" }),
  staff_members: (tx, t) => tx.insert(tables.staffMembers).values({ tenantId: t, displayName: "x" }),
  // Every service is linked to every staff member already: DO NOTHING makes RLS the only possible refusal.
  service_staff: (tx, t, _u, s) =>
    tx
      .insert(tables.serviceStaff)
      .values({ tenantId: t, serviceId: s.serviceId, staffId: s.staffIds[0] ?? "" })
      .onConflictDoNothing(),
  working_hours: (tx, t, _u, s) =>
    tx.insert(tables.workingHours).values({
      tenantId: t,
      staffId: s.staffIds[0] ?? "",
      weekday: 1,
      startTime: "01:00",
      endTime: "02:00",
    }),
  date_overrides: (tx, t, _u, s) =>
    tx
      .insert(tables.dateOverrides)
      .values({ tenantId: t, staffId: s.staffIds[0] ?? "", onDate: "2030-01-01" }),
  time_off: (tx, t, _u, s) =>
    tx.insert(tables.timeOff).values({
      tenantId: t,
      staffId: s.staffIds[0] ?? "",
      startsAt: new Date("2030-01-01T00:00:00Z"),
      endsAt: new Date("2030-01-02T00:00:00Z"),
    }),
  closures: (tx, t) =>
    tx.insert(tables.closures).values({ tenantId: t, startsOn: "2030-01-01", endsOn: "2030-01-01" }),
  customers: (tx, t) =>
    tx.insert(tables.customers).values({ tenantId: t, name: "x", email: "stolen@example.test" }),
  bookings: (tx, t, _u, s) =>
    tx.insert(tables.bookings).values({
      tenantId: t,
      serviceId: s.serviceId,
      staffId: s.staffIds[0] ?? "",
      customerId: s.customerId,
      status: "confirmed",
      startAt: new Date("2030-01-01T10:00:00Z"),
      endAt: new Date("2030-01-01T11:00:00Z"),
      serviceName: "x",
      durationMinutes: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      priceCents: 0,
      currency: "GBP",
      blockedFrom: new Date("2030-01-01T10:00:00Z"),
      blockedUntil: new Date("2030-01-01T11:00:00Z"),
      sessionKey: "x",
      manageTokenHash: Buffer.from("x"),
    }),
  booking_events: (tx, t, _u, s) =>
    tx.insert(tables.bookingEvents).values({ tenantId: t, bookingId: s.bookingId, action: "x", actor: "x" }),
  idempotency_keys: (tx, t) =>
    tx
      .insert(tables.idempotencyKeys)
      .values({ tenantId: t, key: "k", requestHash: "h", responseStatus: 200, responseBody: {} }),
  payments: (tx, t, _u, s) =>
    tx.insert(tables.payments).values({
      tenantId: t,
      customerId: s.customerId,
      kind: "charge",
      purpose: "balance",
      method: "cash",
      status: "succeeded",
      amountCents: 1000,
      currency: "GBP",
    }),
  memberships: (tx, tenantId, userId) =>
    tx.execute(
      sql`insert into public.memberships (tenant_id, user_id, role) values (${tenantId}, ${userId}, 'staff')`,
    ),
  audit_log: (tx, tenantId, userId) =>
    tx.execute(
      sql`insert into public.audit_log (tenant_id, actor_user_id, action) values (${tenantId}, ${userId}, 'x')`,
    ),
  dev_mailbox: (tx, tenantId) =>
    tx.execute(sql`insert into public.dev_mailbox (to_address, subject, text_body, tag, tenant_id)
                   values ('x@example.test', 's', 't', 'test', ${tenantId})`),
  dev_sms: (tx, tenantId) =>
    tx.execute(sql`insert into public.dev_sms (to_phone, body, tag, tenant_id)
                   values ('+447700900123', 'b', 'test', ${tenantId})`),
  message_templates: (tx, t) =>
    tx.insert(tables.messageTemplates).values({ tenantId: t, kind: "booking_confirmed", intro: "x" }),
  member_alert_preferences: (tx, t, u) =>
    tx
      .insert(tables.memberAlertPreferences)
      .values({ tenantId: t, userId: u, kind: "new_booking", email: false }),
  notification_sends: (tx, t) =>
    tx
      .insert(tables.notificationSends)
      .values({ tenantId: t, deliveryKey: "d", channel: "email", recipient: "x@example.test", kind: "x" }),
  email_unsubscribes: (tx, t) =>
    tx.insert(tables.emailUnsubscribes).values({ tenantId: t, email: "x@example.test" }),
  invitations: (tx, tenantId, userId) =>
    tx.execute(sql`insert into public.invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
                   values (${tenantId}, 'stolen@example.test', 'staff', sha256(gen_random_uuid()::text::bytea),
                           ${userId}, now() + interval '7 days')`),
  customer_otps: (tx, t, _u, s) =>
    tx.insert(tables.customerOtps).values({
      tenantId: t,
      customerId: s.customerId,
      email: "x@example.test",
      codeHash: Buffer.alloc(32),
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    }),
  customer_sessions: (tx, t, _u, s) =>
    tx.insert(tables.customerSessions).values({
      tenantId: t,
      customerId: s.customerId,
      tokenHash: Buffer.alloc(32),
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    }),
  outbox: (tx, t) =>
    tx.insert(tables.outbox).values({ tenantId: t, type: "test.stolen", payload: {}, dedupeKey: "stolen" }),
  deliveries: (tx, t, _u, s) =>
    tx.insert(tables.deliveries).values({ tenantId: t, eventId: s.eventId, handler: "stolen" }),
  sent_mail: (tx, t) => tx.insert(tables.sentMail).values({ tenantId: t, dedupeKey: "k", messageId: "m" }),
  api_keys: (tx, t, userId) =>
    tx.insert(tables.apiKeys).values({
      tenantId: t,
      name: "Stolen key",
      prefix: "boka_live_xxxxxx",
      secretHash: Buffer.alloc(32, 7),
      scopes: ["bookings:read"],
      createdBy: userId,
    }),
  calendar_feeds: (tx, t, _u, s) =>
    tx
      .insert(tables.calendarFeeds)
      .values({ tenantId: t, staffId: s.staffIds[0], tokenHash: Buffer.alloc(32) }),
  calendar_connections: (tx, t, _u, s) =>
    tx.insert(tables.calendarConnections).values({
      tenantId: t,
      staffId: s.staffIds[0] ?? "",
      provider: "caldav",
      label: "x",
      secret: "x",
    }),
  external_calendars: (tx, t, _u, s) =>
    tx.insert(tables.externalCalendars).values({
      tenantId: t,
      connectionId: s.calendar.connectionId,
      staffId: s.staffIds[0] ?? "",
      url: "https://stolen.example.test/",
    }),
  external_events: (tx, t, _u, s) =>
    tx
      .insert(tables.externalEvents)
      .values({ tenantId: t, calendarId: s.calendar.calendarId, href: "/x2.ics" }),
  external_busy: (tx, t, _u, s) =>
    tx.insert(tables.externalBusy).values({
      tenantId: t,
      eventId: s.calendar.eventId,
      staffId: s.staffIds[0] ?? "",
      startsAt: new Date("2030-01-01T10:00:00Z"),
      endsAt: new Date("2030-01-01T11:00:00Z"),
    }),
  calendar_writes: (tx, t, _u, s) =>
    tx
      .insert(tables.calendarWrites)
      .values({ tenantId: t, bookingId: s.bookingId, calendarId: s.calendar.calendarId, href: "/x3.ics" }),
  user_sessions: (tx, tenantId, userId) =>
    tx.execute(sql`insert into public.user_sessions (tenant_id, user_id, token_hash, expires_at)
                   values (${tenantId}, ${userId}, sha256(gen_random_uuid()::text::bytea), now() + interval '1 day')`),
};

let a: TestPractice;
let b: TestPractice;
let bSchedule: Fixture;
let tenantTables: string[];

beforeAll(async () => {
  a = await createPractice();
  b = await createPractice();
  await addMember(b.tenantId, "staff");
  const schedule = await createSchedule(b.tenantId);
  bSchedule = {
    ...schedule,
    bookingId: randomUUID(),
    eventId: randomUUID(),
    calendar: await createCalendarFixture(b.tenantId, schedule.staffIds[0] ?? ""),
  };
  await withSystem("test gives tenant B an outbox event", (tx) =>
    tx.insert(tables.outbox).values({
      tenantId: b.tenantId,
      id: bSchedule.eventId,
      type: "test.event",
      payload: {},
      dedupeKey: "b-event",
    }),
  );
  await withSystem("test gives tenant B a booking", (tx) =>
    tx.insert(tables.bookings).values({
      id: bSchedule.bookingId,
      tenantId: b.tenantId,
      serviceId: bSchedule.serviceId,
      staffId: bSchedule.staffIds[0] ?? "",
      customerId: bSchedule.customerId,
      status: "confirmed",
      startAt: new Date("2031-01-01T10:00:00Z"),
      endAt: new Date("2031-01-01T11:00:00Z"),
      serviceName: "Massage",
      durationMinutes: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      priceCents: 0,
      currency: "GBP",
      blockedFrom: new Date("2031-01-01T10:00:00Z"),
      blockedUntil: new Date("2031-01-01T11:00:00Z"),
      sessionKey: "b-1",
      manageTokenHash: Buffer.from("b-1"),
    }),
  );
  const { db } = await connection();
  const result = await db.execute<{ table: string }>(sql`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r' order by 1`);
  tenantTables = result.rows.map((r) => r.table);
});
afterAll(closeDatabase);

/** Runs a statement as tenant A's owner; a refused statement counts as "nothing happened". */
async function asA<T>(fn: (tx: Tx) => Promise<T>): Promise<T | "refused"> {
  try {
    return await withTenant(a.owner.actor, fn);
  } catch {
    return "refused";
  }
}

describe("cross-tenant isolation", () => {
  it("covers every tenant table", () => {
    expect(tenantTables.length).toBeGreaterThan(0);
    expect(tenantTables.filter((t) => !(t in INSERT_FOR_TENANT))).toEqual([]);
  });

  it("tenant A reads none of tenant B's rows, in any tenant table or in tenants", async () => {
    for (const table of tenantTables) {
      const rows = await asA((tx) =>
        tx.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${b.tenantId}`,
        ),
      );
      expect(rows === "refused" ? 0 : (rows.rows[0] as { n: number }).n, table).toBe(0);
    }
    const tenants = await asA((tx) =>
      tx.execute(sql`select id from public.tenants where id = ${b.tenantId}`),
    );
    expect(tenants === "refused" ? [] : tenants.rows).toEqual([]);
  });

  it("tenant A updates and deletes none of tenant B's rows", async () => {
    for (const table of [...tenantTables, "tenants"]) {
      const column = table === "tenants" ? "id" : "tenant_id";
      const updated = await asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sql.identifier(column)}
                       where ${sql.identifier(column)} = ${b.tenantId} returning 1`),
      );
      expect(updated === "refused" ? 0 : updated.rows.length, `update ${table}`).toBe(0);
      const deleted = await asA((tx) =>
        tx.execute(
          sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${b.tenantId} returning 1`,
        ),
      );
      expect(deleted === "refused" ? 0 : deleted.rows.length, `delete ${table}`).toBe(0);
    }
    const check = await withSystem("test counts tenant B's members", (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from public.memberships where tenant_id = ${b.tenantId}`,
      ),
    );
    expect(check.rows[0]?.n).toBe(2);
  });

  it("tenant A cannot insert rows into tenant B", async () => {
    for (const table of tenantTables) {
      const insert = INSERT_FOR_TENANT[table];
      if (!insert) continue;
      const result = await asA((tx) => insert(tx, b.tenantId, a.owner.userId, bSchedule));
      expect(result, `insert into ${table}`).toBe("refused");
    }
  });

  it("the same insert succeeds for the actor's own tenant where the role allows it (the test can fail)", async () => {
    const own = await createSchedule(a.tenantId);
    const aSchedule = {
      ...own,
      bookingId: randomUUID(),
      eventId: randomUUID(),
      calendar: await createCalendarFixture(a.tenantId, own.staffIds[0] ?? ""),
    };
    for (const table of [
      "audit_log",
      "customers",
      "closures",
      "services",
      "staff_members",
      "service_staff",
      "invitations",
      "api_keys",
      "outbox",
      "payments",
      "calendar_feeds",
      "calendar_connections",
      "external_calendars",
    ]) {
      const insert = INSERT_FOR_TENANT[table];
      const own = await asA((tx) => insert?.(tx, a.tenantId, a.owner.userId, aSchedule) ?? Promise.resolve());
      expect(own, table).not.toBe("refused");
    }
  });

  it("audit_log is append-only even for its tenant's owner", async () => {
    expect(
      await asA((tx) =>
        tx.execute(sql`update public.audit_log set action = 'y' where tenant_id = ${a.tenantId}`),
      ),
    ).toBe("refused");
    expect(
      await asA((tx) => tx.execute(sql`delete from public.audit_log where tenant_id = ${a.tenantId}`)),
    ).toBe("refused");
  });
});

describe.runIf(process.env.DATABASE_URL)("runtime role on real Postgres", () => {
  it("is not a superuser, has no BYPASSRLS and owns no table", async () => {
    const { driver } = await connection();
    const [role] = await driver.withSession((s) =>
      s.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
        `select r.rolsuper, r.rolbypassrls,
                (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relowner = r.oid) as owned
         from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });
});

describe.runIf(process.env.DATABASE_URL)("the runtime role cannot escalate (real Postgres)", () => {
  const attempt = async (pool: "runtime" | "system", role: string) => {
    const { driver } = pool === "runtime" ? await connection() : await systemConnection();
    return driver.withSession(async (s) => {
      try {
        await s.exec(`begin; set local role ${role}`);
        const [row] = await s.query<{ who: string }>("select current_user as who");
        return row?.who;
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      } finally {
        await s.exec("rollback");
      }
    });
  };

  it("the runtime login may become anon and authenticated, never service_role", async () => {
    expect(await attempt("runtime", "anon")).toBe("anon");
    expect(await attempt("runtime", "authenticated")).toBe("authenticated");
    expect(await attempt("runtime", "service_role")).toMatch(/^refused: permission denied to set role/);
  });

  it("the system path logs in as another role, which may become service_role and nothing else", async () => {
    const { driver } = await systemConnection();
    const [who] = await driver.withSession((s) =>
      s.query<{ who: string; rolsuper: boolean; rolbypassrls: boolean }>(
        "select current_user as who, rolsuper, rolbypassrls from pg_roles where rolname = current_user",
      ),
    );
    const [runtime] = await (await connection()).driver.withSession((s) =>
      s.query<{ who: string }>("select current_user as who"),
    );
    expect(who?.who).not.toBe(runtime?.who);
    expect(who).toMatchObject({ rolsuper: false, rolbypassrls: false });
    expect(await attempt("system", "service_role")).toBe("service_role");
    expect(await attempt("system", "authenticated")).toMatch(/^refused: permission denied to set role/);
  });

  it("withSystem still reads across tenants, on the system pool", async () => {
    const seen = await withSystem("test: the bypass sees both tenants", (tx) =>
      tx.execute<{ n: number; who: string }>(
        sql`select count(*)::int as n, current_user as who from public.tenants where id in (${a.tenantId}, ${b.tenantId})`,
      ),
    );
    expect(seen.rows[0]).toEqual({ n: 2, who: "service_role" });
  });
});
