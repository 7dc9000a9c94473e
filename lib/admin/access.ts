/**
 * Who is a platform admin: `users.is_platform_admin`, set only in SQL or by the demo seed (no API role
 * may update the column). Read from the database on every request — never from the session or a
 * cache — so revoking it takes effect on the next request. Admin rights never come from a membership,
 * and a membership never comes from admin rights: the two are checked apart.
 */
import { eq } from "drizzle-orm";
import type { SessionContext } from "@/lib/auth";
import { type Tx, tables, withTenant } from "@/lib/db";
import { Forbidden, Unauthenticated } from "@/lib/errors";

declare const verified: unique symbol;

/** A platform admin as checked by `assertPlatformAdmin`; the lib's admin functions take only this. */
export type PlatformAdmin = {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly [verified]: true;
};

/** An admin whose account has no second factor yet: refused, with where to turn it on. */
export class AdminMfaRequired extends Forbidden {
  override readonly type: string = "mfa-required";
  override readonly title: string = "Two-factor authentication required";
}

export const NOT_AN_ADMIN = "This is for Boka platform administrators only.";
export const ADMIN_MFA_REQUIRED =
  "Platform admin actions need two-factor authentication on your account. Turn it on at /admin/mfa first.";

/** Reads the flag as the user themself (RLS lets a user read their own row): no bypass needed. */
export async function isPlatformAdmin(userId: string): Promise<boolean> {
  const [row] = await withTenant({ kind: "user", userId }, (tx) =>
    tx
      .select({ isPlatformAdmin: tables.users.isPlatformAdmin })
      .from(tables.users)
      .where(eq(tables.users.id, userId)),
  );
  return row?.isPlatformAdmin === true;
}

export type AdminCheck =
  | { status: "signed_out" }
  | { status: "not_admin" }
  | { status: "mfa_required" }
  | { status: "ok"; admin: PlatformAdmin };

/** For pages, which answer each case differently (log in, not found, set up MFA). */
export async function checkPlatformAdmin(context: SessionContext | null): Promise<AdminCheck> {
  if (!context) return { status: "signed_out" };
  if (!(await isPlatformAdmin(context.user.id))) return { status: "not_admin" };
  // `mfa.enabled` is read fresh by resolveSession on every request, like the flag above.
  if (!context.mfa.enabled) return { status: "mfa_required" };
  const { id, email, name } = context.user;
  return { status: "ok", admin: { userId: id, email, name } as PlatformAdmin };
}

/** 401 without a session, 403 for anyone but a platform admin with MFA on; else the admin. */
export async function assertPlatformAdmin(context: SessionContext | null): Promise<PlatformAdmin> {
  const check = await checkPlatformAdmin(context);
  switch (check.status) {
    case "signed_out":
      throw new Unauthenticated("Sign in to use this endpoint.");
    case "not_admin":
      throw new Forbidden(NOT_AN_ADMIN);
    case "mfa_required":
      throw new AdminMfaRequired(ADMIN_MFA_REQUIRED);
    case "ok":
      return check.admin;
  }
}

/**
 * The same check again inside the admin's system transaction, so the bypass never runs for someone whose
 * rights were revoked after the request was checked (or for a PlatformAdmin value kept too long).
 */
export async function confirmAdminInTx(tx: Tx, admin: PlatformAdmin): Promise<void> {
  const [row] = await tx
    .select({ isPlatformAdmin: tables.users.isPlatformAdmin })
    .from(tables.users)
    .where(eq(tables.users.id, admin.userId));
  if (row?.isPlatformAdmin !== true) throw new Forbidden(NOT_AN_ADMIN);
}
