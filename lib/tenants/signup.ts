import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { hashPassword, NewPassword, sendVerificationEmailAfterSignUp } from "@/lib/auth";
import { isUniqueViolation, tables, withSystem } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";
import { createLimiter, enforce } from "@/lib/rate-limit";
import { SignUpFields } from "./fields";

export const SignUpInput = SignUpFields.extend({ password: NewPassword });
export type SignUpInput = z.infer<typeof SignUpInput>;

export type SignUpResult = { tenantId: string; userId: string; slug: string };

const SLUG_TAKEN = "This address is already taken; choose another";
const EMAIL_TAKEN = "An account with this email already exists; log in instead";

/**
 * Sign-ups per client IP: each one hashes a password and creates a practice, so a script must not make
 * them by the dozen. Failed attempts count too (they cost the same hash). Without a known IP (the
 * factories in tests, scripts) there is nothing to key on.
 */
export const SIGNUPS_PER_IP = { keyPrefix: "signup-ip", points: 5, durationSeconds: 3_600 } as const;

/** Creates the practice, its owner and the membership in one transaction (or nothing at all). */
export async function signUp(input: SignUpInput, ip?: string | null): Promise<SignUpResult> {
  if (ip) {
    await enforce(createLimiter(SIGNUPS_PER_IP), `ip:${ip}`, {
      message: "Too many sign-ups from your network. Please wait an hour and try again.",
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const result = await withSystem("sign-up creates tenant and owner", async (tx) => {
      const [taken] = await tx
        .select({ id: tables.tenants.id })
        .from(tables.tenants)
        .where(eq(tables.tenants.slug, input.slug));
      if (taken) throw new ValidationFailed(SLUG_TAKEN, [{ field: "slug", message: SLUG_TAKEN }]);
      const [existingUser] = await tx
        .select({ id: tables.users.id })
        .from(tables.users)
        .where(eq(tables.users.email, input.email));
      if (existingUser) throw new ValidationFailed(EMAIL_TAKEN, [{ field: "email", message: EMAIL_TAKEN }]);

      const [tenant] = await tx
        .insert(tables.tenants)
        .values({
          slug: input.slug,
          name: input.businessName,
          timeZone: input.timeZone,
          currency: input.currency,
        })
        .returning({ id: tables.tenants.id });
      const [user] = await tx
        .insert(tables.users)
        .values({ email: input.email, name: input.ownerName, passwordHash })
        .returning({ id: tables.users.id });
      if (!tenant || !user) throw new Error("sign-up insert returned no row");
      await tx.insert(tables.memberships).values({ tenantId: tenant.id, userId: user.id, role: "owner" });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: user.id,
        action: "tenant.created",
        targetType: "tenant",
        targetId: tenant.id,
        details: { slug: input.slug, name: input.businessName },
        ip,
      });
      return { tenantId: tenant.id, userId: user.id, slug: input.slug };
    });
    await sendVerificationEmailAfterSignUp(result.userId);
    return result;
  } catch (error) {
    // Two sign-ups racing for one slug or email: the unique constraint decides.
    if (isUniqueViolation(error, "tenants_slug_key")) {
      throw new ValidationFailed(SLUG_TAKEN, [{ field: "slug", message: SLUG_TAKEN }]);
    }
    if (isUniqueViolation(error, "users_email_key")) {
      throw new ValidationFailed(EMAIL_TAKEN, [{ field: "email", message: EMAIL_TAKEN }]);
    }
    throw error;
  }
}
