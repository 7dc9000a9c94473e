import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth";
import { closeDatabase, withSystem } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";
import { SignUpInput, signUp } from "@/lib/tenants";
import { createPractice, TEST_PASSWORD, unique } from "../support/factory";

afterAll(closeDatabase);

function valid(overrides: Record<string, unknown> = {}) {
  const slug = unique("s");
  return {
    businessName: "Calm Waters Therapy",
    slug,
    timeZone: "America/New_York",
    currency: "usd",
    ownerName: "Dana Lee",
    email: `${slug}@example.test`,
    password: TEST_PASSWORD,
    ...overrides,
  };
}

/** Rows that a failed sign-up must not have left behind (other test files write concurrently). */
async function leftovers(slug: string, email: string) {
  const r = await withSystem("test checks sign-up left nothing", (tx) =>
    tx.execute<{ tenants: number; users: number }>(
      sql`select (select count(*)::int from public.tenants where slug = ${slug}) as tenants,
               (select count(*)::int from public.users where email = ${email}) as users`,
    ),
  );
  return r.rows[0];
}

function fieldErrorOf(input: Record<string, unknown>): Record<string, string> {
  const parsed = SignUpInput.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("sign-up", () => {
  it("creates the tenant, the owner (argon2id) and the owner membership", async () => {
    const input = SignUpInput.parse(valid());
    const result = await signUp(input);
    const r = await withSystem("test reads the new practice", (tx) =>
      tx.execute<{ slug: string; currency: string; role: string; password_hash: string }>(sql`
      select t.slug, t.currency, m.role, u.password_hash from public.tenants t
      join public.memberships m on m.tenant_id = t.id join public.users u on u.id = m.user_id
      where t.id = ${result.tenantId}`),
    );
    const row = r.rows[0];
    expect(row).toMatchObject({ slug: input.slug, currency: "USD", role: "owner" });
    expect(row?.password_hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row?.password_hash ?? "", TEST_PASSWORD)).toBe(true);
  });

  it.each([
    ["slug", { slug: "admin" }, /reserved/],
    ["slug", { slug: "ab" }, /at least 3/],
    ["slug", { slug: "Has Spaces" }, /lowercase/],
    ["slug", { slug: "-dash-" }, /Start and end/],
    ["email", { email: "not-an-email" }, /valid email/],
    ["password", { password: "short-pass" }, /at least 12/],
    ["password", { password: "1q2w3e4r5t6y" }, /too common/],
    ["password", { password: "x".repeat(257) }, /at most 256/],
    ["timeZone", { timeZone: "Mars/Olympus_Mons" }, /Unknown time zone/],
    ["currency", { currency: "XYZW" }, /Unknown currency/],
    ["businessName", { businessName: "   " }, /Enter the business name/],
  ])("rejects a bad %s with a field error (%j)", (field, overrides, message) => {
    expect(fieldErrorOf(valid(overrides))[field]).toMatch(message);
  });

  it("a taken slug or email is a field error and writes nothing", async () => {
    const existing = await createPractice();
    const takenSlug = SignUpInput.parse(valid({ slug: existing.slug }));
    await expect(signUp(takenSlug)).rejects.toMatchObject({
      errors: [{ field: "slug", message: expect.stringMatching(/already taken/) }],
    });
    expect(await leftovers(existing.slug, takenSlug.email)).toEqual({ tenants: 1, users: 0 });

    const takenEmail = SignUpInput.parse(valid({ email: existing.owner.email.toUpperCase() }));
    await expect(signUp(takenEmail)).rejects.toBeInstanceOf(ValidationFailed);
    expect(await leftovers(takenEmail.slug, existing.owner.email)).toEqual({ tenants: 0, users: 1 });
  });
});
