import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { logIn } from "@/lib/auth";
import { closeDatabase, withSystem } from "@/lib/db";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo";

afterAll(closeDatabase);

describe("demo practice seed", () => {
  it("creates Harbor Wellness Clinic with its team, rooms, services and about 30 bookings", async () => {
    await seedDemo();
    expect(await seedDemo()).toBe(false);
    const result = await withSystem("test inspects the demo practice", (tx) =>
      tx.execute<{
        name: string;
        zone: string;
        staff: number;
        saturday: number;
        rooms: number;
        services: number;
        classes: number;
        bookings: number;
        overlaps: number;
      }>(sql`
        select t.name, t.time_zone as zone,
          (select count(*)::int from public.staff_members s where s.tenant_id = t.id) as staff,
          (select count(*)::int from public.working_hours h where h.tenant_id = t.id and h.weekday = 6) as saturday,
          (select count(*)::int from public.resources r where r.tenant_id = t.id) as rooms,
          (select count(*)::int from public.services s where s.tenant_id = t.id) as services,
          (select count(*)::int from public.services s where s.tenant_id = t.id and s.capacity = 8) as classes,
          (select count(*)::int from public.bookings b where b.tenant_id = t.id
             and b.start_at between now() and now() + interval '16 days') as bookings,
          (select count(*)::int from public.bookings a join public.bookings b
             on a.tenant_id = b.tenant_id and a.staff_id = b.staff_id and a.id < b.id and a.session_key <> b.session_key
            and tstzrange(a.blocked_from, a.blocked_until) && tstzrange(b.blocked_from, b.blocked_until)
            where a.tenant_id = t.id) as overlaps
        from public.tenants t where t.slug = 'demo'`),
    );
    expect(result.rows[0]).toMatchObject({
      name: "Harbor Wellness Clinic",
      zone: "Europe/London",
      staff: 3,
      saturday: 1,
      rooms: 2,
      services: 4,
      classes: 1,
      overlaps: 0,
    });
    expect(result.rows[0]?.bookings).toBeGreaterThanOrEqual(20);
    expect(result.rows[0]?.bookings).toBeLessThanOrEqual(30);
  });

  it("the demo owner can log in with the README's password", async () => {
    const session = await logIn({ email: "owner@demo.boka.test", password: DEMO_PASSWORD }, { ip: null });
    expect(session.tenantId).not.toBeNull();
  });
});
