import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "@/lib/bookings";
import type { TenantRecord } from "@/lib/catalogue";
import {
  CODE_ATTEMPTS,
  type CustomerActor,
  cancelOwnBooking,
  endCustomerSession,
  findPortalPractice,
  portalOverview,
  requestSignInCode,
  rescheduleOwnBooking,
  rescheduleSlots,
  resolveCustomerSession,
  updateCustomerProfile,
  verifySignInCode,
} from "@/lib/customers";
import { closeDatabase, type Tx, tables, withSystem, withTenant } from "@/lib/db";
import { Conflict, NotFound, TooManyRequests, ValidationFailed } from "@/lib/errors";
import { listDevMailbox } from "@/lib/mail";
import { createPractice, unique } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

const HOUR = 3_600_000;
const MIN_NOTICE_MINUTES = 120;

type Practice = { tenant: TenantRecord; schedule: TestSchedule };
let home: Practice;
let other: Practice;

/** A practice whose booking page is published (the portal, like the booking page, is public only then). */
async function publishedPractice(): Promise<Practice> {
  const practice = await createPractice();
  await withSystem("test verifies the owner and publishes the practice", async (tx) => {
    await tx
      .update(tables.users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(tables.users.id, practice.owner.userId));
    await tx
      .update(tables.tenants)
      .set({ publishedAt: new Date() })
      .where(eq(tables.tenants.id, practice.tenantId));
  });
  const schedule = await createSchedule(practice.tenantId, { minNoticeMinutes: MIN_NOTICE_MINUTES });
  const tenant = await findPortalPractice(practice.slug);
  if (!tenant) throw new Error("published practice not found");
  return { tenant, schedule };
}

async function newCustomer(p: Practice, email = `${unique("pat")}@example.test`) {
  const id = randomUUID();
  await withSystem("test adds a customer", (tx) =>
    tx.insert(tables.customers).values({ tenantId: p.tenant.id, id, name: "Pat Client", email }),
  );
  const actor: CustomerActor = { kind: "customer", tenantId: p.tenant.id, customerId: id };
  return { id, email, actor };
}

/** A whole hour `hoursAhead` from the start of today (UTC): on the slot grid of the 24/7 test staff. */
function hourFromToday(hoursAhead: number): Date {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + hoursAhead * HOUR);
}

/** Books through the real lifecycle; `now` a day earlier so a start inside the notice is still bookable. */
async function book(p: Practice, customerId: string, start: Date, staffIndex = 0) {
  const { booking } = await withSystem("test books a slot", (tx) =>
    createBooking(
      tx,
      p.tenant,
      {
        serviceId: p.schedule.serviceId,
        start,
        staffId: p.schedule.staffIds[staffIndex],
        customerId,
        source: "public",
        holdForConfirmation: false,
        publicOnly: true,
      },
      "customer",
      new Date(start.getTime() - 24 * HOUR),
    ),
  );
  return booking;
}

async function codeMailedTo(email: string): Promise<string> {
  const [message] = await listDevMailbox({ to: email, limit: 1 });
  const code = /\b(\d{6})\b/.exec(message?.text ?? "")?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

async function otpRows(p: Practice, email: string) {
  return withSystem("test reads sign-in codes", (tx) =>
    tx
      .select()
      .from(tables.customerOtps)
      .where(and(eq(tables.customerOtps.tenantId, p.tenant.id), eq(tables.customerOtps.email, email))),
  );
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
// A fresh documentation-range address per call: with REDIS_URL, rate-limit counts outlive a test run.
const ip = () => `2001:db8::${randomBytes(6).toString("hex").match(/.{4}/g)?.join(":")}`;

beforeAll(async () => {
  home = await publishedPractice();
  other = await publishedPractice();
});
afterAll(closeDatabase);

describe("signing in with an emailed code", () => {
  it("answers an unknown email exactly like a known one, and mails nothing for it", async () => {
    const known = await newCustomer(home);
    const unknownEmail = `${unique("nobody")}@example.test`;
    const forKnown = await requestSignInCode(home.tenant, { email: known.email }, { ip: ip() });
    const forUnknown = await requestSignInCode(home.tenant, { email: unknownEmail }, { ip: ip() });
    await Promise.all([forKnown.mail, forUnknown.mail]);
    expect(Object.keys(forUnknown)).toEqual(Object.keys(forKnown));
    expect(await listDevMailbox({ to: unknownEmail })).toEqual([]);
    expect(await otpRows(home, unknownEmail)).toEqual([]);
    const [mail] = await listDevMailbox({ to: known.email });
    expect(mail).toMatchObject({ tag: "customer-otp", tenantId: home.tenant.id });
  });

  it("stores only a hash of the code, with its practice, address, 10-minute expiry and 5 tries", async () => {
    const c = await newCustomer(home);
    const now = new Date();
    await (await requestSignInCode(home.tenant, { email: c.email.toUpperCase() }, { ip: ip(), now })).mail;
    const code = await codeMailedTo(c.email);
    const [row] = await otpRows(home, c.email);
    expect(row).toMatchObject({ tenantId: home.tenant.id, customerId: c.id, attemptsLeft: CODE_ATTEMPTS });
    expect(row?.expiresAt.getTime()).toBe(now.getTime() + 10 * 60_000);
    expect(row?.codeHash).toHaveLength(32);
    expect(row?.codeHash.toString("hex")).not.toContain(Buffer.from(code).toString("hex"));
  });

  it("five wrong codes use up the tries, and then the right one is dead too", async () => {
    const c = await newCustomer(home);
    await (await requestSignInCode(home.tenant, { email: c.email }, { ip: ip() })).mail;
    const code = await codeMailedTo(c.email);
    for (let i = 1; i <= CODE_ATTEMPTS; i++) {
      const error = await verifySignInCode(
        home.tenant,
        { email: c.email, code: wrong(code) },
        { ip: ip() },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors[0]?.field).toBe("code");
      expect((await otpRows(home, c.email))[0]?.attemptsLeft).toBe(CODE_ATTEMPTS - i);
    }
    await expect(
      verifySignInCode(home.tenant, { email: c.email, code }, { ip: ip() }),
    ).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("an expired code is refused", async () => {
    const c = await newCustomer(home);
    const issuedAt = new Date(Date.now() - 11 * 60_000);
    await (await requestSignInCode(home.tenant, { email: c.email }, { ip: ip(), now: issuedAt })).mail;
    const code = await codeMailedTo(c.email);
    await expect(
      verifySignInCode(home.tenant, { email: c.email, code }, { ip: ip() }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    // One second before the expiry the same code still works: the refusal above was the clock.
    const justInTime = new Date(issuedAt.getTime() + 10 * 60_000 - 1000);
    await expect(
      verifySignInCode(home.tenant, { email: c.email, code }, { ip: ip(), now: justInTime }),
    ).resolves.toHaveProperty("token");
  });

  it("a right code works once, opens a session, and sign-out ends it", async () => {
    const c = await newCustomer(home);
    await (await requestSignInCode(home.tenant, { email: c.email }, { ip: ip() })).mail;
    const code = await codeMailedTo(c.email);
    const session = await verifySignInCode(home.tenant, { email: c.email, code }, { ip: ip() });
    expect(Buffer.from(session.token, "base64url")).toHaveLength(32);
    await expect(
      verifySignInCode(home.tenant, { email: c.email, code }, { ip: ip() }),
    ).rejects.toBeInstanceOf(ValidationFailed);

    const resolved = await resolveCustomerSession(home.tenant, session.token);
    expect(resolved?.actor).toEqual(c.actor);
    expect(await resolveCustomerSession(other.tenant, session.token)).toBeNull();
    expect(
      await resolveCustomerSession(home.tenant, session.token, new Date(session.expiresAt.getTime() + 1)),
    ).toBeNull();
    const stored = await withSystem("test reads customer sessions", (tx) =>
      tx.select().from(tables.customerSessions).where(eq(tables.customerSessions.customerId, c.id)),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash.toString("base64url")).not.toBe(session.token);

    await endCustomerSession(home.tenant, session.token);
    expect(await resolveCustomerSession(home.tenant, session.token)).toBeNull();
  });

  it("a code for one practice does not sign in at another", async () => {
    const email = `${unique("both")}@example.test`;
    await newCustomer(home, email);
    await newCustomer(other, email);
    await (await requestSignInCode(home.tenant, { email }, { ip: ip() })).mail;
    const code = await codeMailedTo(email);
    await expect(verifySignInCode(other.tenant, { email, code }, { ip: ip() })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
  });

  it("limits codes per address, known or not, with the same refusal", async () => {
    const known = await newCustomer(home);
    for (const email of [known.email, `${unique("ghost")}@example.test`]) {
      for (let i = 0; i < 5; i++) await (await requestSignInCode(home.tenant, { email }, { ip: ip() })).mail;
      await expect(requestSignInCode(home.tenant, { email }, { ip: ip() })).rejects.toBeInstanceOf(
        TooManyRequests,
      );
    }
  });
});

describe("what a signed-in customer can see", () => {
  let pat: Awaited<ReturnType<typeof newCustomer>>;
  let sam: Awaited<ReturnType<typeof newCustomer>>;

  beforeAll(async () => {
    pat = await newCustomer(home);
    sam = await newCustomer(home);
    await book(home, pat.id, hourFromToday(72));
    await book(home, pat.id, hourFromToday(74));
    await book(home, sam.id, hourFromToday(76));
    const stranger = await newCustomer(other);
    await book(other, stranger.id, hourFromToday(72));
  });

  const asCustomer = <T>(actor: CustomerActor, fn: (tx: Tx) => Promise<T>) => withTenant(actor, fn);

  it("only its own bookings and its own customer row, with no filter but RLS", async () => {
    const rows = await asCustomer(pat.actor, (tx) =>
      tx.select({ customerId: tables.bookings.customerId }).from(tables.bookings),
    );
    expect(rows.map((r) => r.customerId)).toEqual([pat.id, pat.id]);
    const people = await asCustomer(pat.actor, (tx) =>
      tx.select({ id: tables.customers.id }).from(tables.customers),
    );
    expect(people.map((r) => r.id)).toEqual([pat.id]);
    const overview = await portalOverview(home.tenant, pat.actor);
    expect(overview.profile.email).toBe(pat.email);
    expect(overview.upcoming.map((b) => b.serviceName)).toEqual(["Massage", "Massage"]);
    const first = overview.upcoming[0];
    expect(first?.changeableUntil?.getTime()).toBe(
      (first?.start.getTime() ?? 0) - MIN_NOTICE_MINUTES * 60_000,
    );
    expect(overview.past).toEqual([]);
  });

  it("nothing at all in any other table, nor anything of another practice", async () => {
    const catalog = await withSystem("test lists the public tables", (tx) =>
      tx.execute<{ table: string }>(sql`select c.relname as table from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`),
    );
    const tablesSeen: string[] = [];
    for (const { table } of catalog.rows) {
      if (table === "bookings" || table === "customers") continue;
      const count = await asCustomer(pat.actor, (tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      ).then(
        (r) => r.rows[0]?.n ?? 0,
        () => 0, // permission denied: invisible too
      );
      if (count > 0) tablesSeen.push(table);
    }
    expect(tablesSeen).toEqual([]);
    // The same customer id under another practice's claims sees nothing.
    const crossed: CustomerActor = { ...pat.actor, tenantId: other.tenant.id };
    expect(await asCustomer(crossed, (tx) => tx.select().from(tables.bookings))).toEqual([]);
  });

  it("cannot change bookings directly, nor anyone else's profile, nor its own email", async () => {
    const updated = await asCustomer(pat.actor, (tx) =>
      tx.update(tables.bookings).set({ status: "cancelled" }).returning({ id: tables.bookings.id }),
    );
    expect(updated).toEqual([]);
    const others = await asCustomer(pat.actor, (tx) =>
      tx
        .update(tables.customers)
        .set({ name: "Hijacked" })
        .where(eq(tables.customers.id, sam.id))
        .returning({ id: tables.customers.id }),
    );
    expect(others).toEqual([]);
    await expect(
      asCustomer(pat.actor, (tx) =>
        tx.update(tables.customers).set({ email: "new@example.test" }).where(eq(tables.customers.id, pat.id)),
      ),
    ).rejects.toThrow();
    await expect(
      updateCustomerProfile(home.tenant, pat.actor, { name: "Pat Renamed", phone: "+44 20 7946 0000" }),
    ).resolves.toEqual({ name: "Pat Renamed", email: pat.email, phone: "+44 20 7946 0000" });
  });
});

describe("cancelling and rescheduling within the practice's rules", () => {
  it("refuses a cancellation inside the minimum notice and allows one outside it", async () => {
    const c = await newCustomer(home);
    const start = hourFromToday(30);
    const booking = await book(home, c.id, start, 1);
    const inside = new Date(start.getTime() - (MIN_NOTICE_MINUTES - 30) * 60_000);
    await expect(
      cancelOwnBooking(home.tenant, c.actor, { bookingId: booking.id, reason: "" }, inside),
    ).rejects.toBeInstanceOf(Conflict);
    const outside = new Date(start.getTime() - (MIN_NOTICE_MINUTES + 30) * 60_000);
    const cancelled = await cancelOwnBooking(
      home.tenant,
      c.actor,
      { bookingId: booking.id, reason: "Feeling better" },
      outside,
    );
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelledBy: "customer",
      cancelReason: "Feeling better",
    });
  });

  it("another customer's booking is not found, and stays as it was", async () => {
    const owner = await newCustomer(home);
    const intruder = await newCustomer(home);
    const booking = await book(home, owner.id, hourFromToday(34), 1);
    await expect(
      cancelOwnBooking(home.tenant, intruder.actor, { bookingId: booking.id, reason: "" }),
    ).rejects.toBeInstanceOf(NotFound);
    const [row] = await withSystem("test reads the booking", (tx) =>
      tx
        .select({ status: tables.bookings.status })
        .from(tables.bookings)
        .where(eq(tables.bookings.id, booking.id)),
    );
    expect(row?.status).toBe("confirmed");
  });

  it("offers free times and moves the booking; refuses inside the notice", async () => {
    const c = await newCustomer(home);
    const start = hourFromToday(96);
    const booking = await book(home, c.id, start, 1);
    const day = start.toISOString().slice(0, 10);
    const slots = await rescheduleSlots(home.tenant, c.actor, { bookingId: booking.id, date: day });
    expect(slots.map((s) => s.start)).not.toContain(start.toISOString());
    const target = new Date(start.getTime() + 30 * 60_000).toISOString(); // overlaps itself: allowed
    expect(slots.find((s) => s.start === target)?.sameStaff).toBe(true);
    const moved = await rescheduleOwnBooking(home.tenant, c.actor, { bookingId: booking.id, start: target });
    expect(moved.startAt.toISOString()).toBe(target);
    expect(moved.staffId).toBe(booking.staffId);

    const late = new Date(Date.parse(target) - 60 * 60_000);
    await expect(
      rescheduleOwnBooking(home.tenant, c.actor, { bookingId: booking.id, start: start.toISOString() }, late),
    ).rejects.toBeInstanceOf(Conflict);
  });
});
