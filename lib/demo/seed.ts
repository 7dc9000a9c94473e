import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth";
import { findTenantBySlug } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { embeddedDatabaseCreated, type TenantRole, tables, withSystem } from "@/lib/db";
import { logger } from "@/lib/observability";
import { seedDemoSchedule } from "./schedule";

export const DEMO_SLUG = "demo";
/** Demo data only; printed in the README. Never used for anything but the seeded demo practice. */
export const DEMO_PASSWORD = "harbor-wellness-demo";

export const DEMO_USERS: { email: string; name: string; role: TenantRole }[] = [
  { email: "owner@demo.boka.test", name: "Olivia Harbor", role: "owner" },
  { email: "staff@demo.boka.test", name: "Sam Rivers", role: "staff" },
  { email: "customer@demo.boka.test", name: "Casey Morgan", role: "customer" },
];

/**
 * The demo platform admin (docs/platform-admin.md). No membership: admin rights never come from one. The
 * flag can only be set like this, in SQL or the seed. MFA is left off: /admin asks for it before anything.
 */
export const DEMO_ADMIN = { email: "admin@demo.boka.test", name: "Avery Admin" };

/** Creates the demo practice and its people; does nothing when it already exists. */
export async function seedDemo(): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await withSystem("seed the demo practice", async (tx) => {
    const [existing] = await tx
      .select({ id: tables.tenants.id })
      .from(tables.tenants)
      .where(eq(tables.tenants.slug, DEMO_SLUG));
    if (existing) return false;
    const [tenant] = await tx
      .insert(tables.tenants)
      .values({ slug: DEMO_SLUG, name: "Harbor Wellness Clinic", timeZone: "Europe/London", currency: "GBP" })
      .returning({ id: tables.tenants.id });
    if (!tenant) throw new Error("demo tenant insert returned no row");
    let staffUserId: string | null = null;
    for (const person of DEMO_USERS) {
      const [user] = await tx
        .insert(tables.users)
        .values({ email: person.email, name: person.name, passwordHash, emailVerifiedAt: new Date() })
        .onConflictDoUpdate({ target: tables.users.email, set: { name: person.name } })
        .returning({ id: tables.users.id });
      if (!user) throw new Error("demo user insert returned no row");
      await tx.insert(tables.memberships).values({ tenantId: tenant.id, userId: user.id, role: person.role });
      if (person.role === "staff") staffUserId = user.id;
    }
    // An existing account with this address is left as it is: the seed never promotes someone.
    await tx
      .insert(tables.users)
      .values({ ...DEMO_ADMIN, passwordHash, emailVerifiedAt: new Date(), isPlatformAdmin: true })
      .onConflictDoNothing({ target: tables.users.email });
    // Publishing needs a verified owner (a trigger checks), so it follows the people.
    await tx.update(tables.tenants).set({ publishedAt: new Date() }).where(eq(tables.tenants.id, tenant.id));
    const record = await findTenantBySlug(tx, DEMO_SLUG);
    if (!record) throw new Error("demo tenant not readable");
    await seedDemoSchedule(tx, record, staffUserId);
    return true;
  });
  if (created) logger.info({ slug: DEMO_SLUG }, "demo practice created");
  return created;
}

/**
 * The embedded default's first start: a database this process just created gets the demo practice,
 * unless SEED_DEMO=false. Called from the start-up path (instrumentation.ts), not from lib/db.
 */
export async function seedDemoOnFirstStart(): Promise<void> {
  const cfg = config();
  if (cfg.SEED_DEMO === false || cfg.NODE_ENV === "test") return;
  if (!(await embeddedDatabaseCreated())) return;
  await seedDemo();
}
