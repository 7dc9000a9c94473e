import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth";
import type { Actor, TenantRole } from "@/lib/db";
import { tables, withSystem } from "@/lib/db";
import { signUp } from "@/lib/tenants";

export const TEST_PASSWORD = "correct horse battery staple";

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

export type TestPractice = {
  tenantId: string;
  slug: string;
  owner: { userId: string; email: string; actor: Extract<Actor, { kind: "member" }> };
};

/** A practice and its owner, created through the real sign-up path. */
export async function createPractice(
  overrides: Partial<{ timeZone: string; currency: string; published: boolean }> = {},
): Promise<TestPractice> {
  const slug = unique("t");
  const email = `${slug}@example.test`;
  const result = await signUp({
    businessName: `Practice ${slug}`,
    slug,
    timeZone: overrides.timeZone ?? "Europe/London",
    currency: overrides.currency ?? "GBP",
    ownerName: "Owner Person",
    email,
    password: TEST_PASSWORD,
  });
  if (overrides.published) {
    await withSystem("test factory publishes a practice", async (tx) => {
      await tx
        .update(tables.users)
        .set({ emailVerifiedAt: new Date() })
        .where(eq(tables.users.id, result.userId));
      await tx
        .update(tables.tenants)
        .set({ publishedAt: new Date() })
        .where(eq(tables.tenants.id, result.tenantId));
    });
  }
  return {
    tenantId: result.tenantId,
    slug,
    owner: {
      userId: result.userId,
      email,
      actor: { kind: "member", userId: result.userId, tenantId: result.tenantId, role: "owner" },
    },
  };
}

/** Adds a user with a role to a practice (the invitation flow's end result). */
export async function addMember(
  tenantId: string,
  role: TenantRole,
): Promise<{ userId: string; email: string; actor: Extract<Actor, { kind: "member" }> }> {
  const email = `${unique(role)}@example.test`;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const userId = await withSystem("test factory adds a member", async (tx) => {
    const [user] = await tx
      .insert(tables.users)
      .values({ email, name: `A ${role}`, passwordHash })
      .returning();
    if (!user) throw new Error("no user");
    await tx.insert(tables.memberships).values({ tenantId, userId: user.id, role });
    return user.id;
  });
  return { userId, email, actor: { kind: "member", userId, tenantId, role } };
}
