/**
 * Customer portal sessions: a 256-bit random token in an HttpOnly, SameSite=Lax cookie scoped to the
 * practice's path (/{slug}), so it never reaches another practice's pages or the staff app. Postgres keeps
 * only its SHA-256, with the practice and the customer; lookups run on the system path because a cookie
 * is not an identity until it has been verified.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { TenantRecord } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { type Actor, type Tx, tables, withSystem } from "@/lib/db";

const { customerSessions } = tables;

export const CUSTOMER_SESSION_DAYS = 30;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type CustomerActor = Extract<Actor, { kind: "customer" }>;
export type CustomerSession = { actor: CustomerActor; expiresAt: Date };
export type NewCustomerSession = { token: string; expiresAt: Date };

const secure = () => config().APP_URL.startsWith("https://");

/** `__Host-` needs Path=/, so over https the cookie uses the `__Secure-` prefix instead. */
export function customerCookieName(): string {
  return secure() ? "__Secure-boka_customer" : "boka_customer";
}

export function customerCookieOptions(slug: string, expires: Date) {
  return { httpOnly: true, sameSite: "lax" as const, secure: secure(), path: `/${slug}`, expires };
}

function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** Opens a session inside the caller's (system) transaction: the code check and the session commit together. */
export async function insertCustomerSession(
  tx: Tx,
  tenantId: string,
  customerId: string,
  now: Date,
): Promise<NewCustomerSession> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CUSTOMER_SESSION_DAYS * 86_400_000);
  await tx
    .insert(customerSessions)
    .values({ tenantId, customerId, tokenHash: hashToken(token), createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The live session behind a cookie at this practice, or null (unknown, expired, or another practice's). */
export async function resolveCustomerSession(
  tenant: TenantRecord,
  token: string | undefined,
  now = new Date(),
): Promise<CustomerSession | null> {
  if (!token || !TOKEN.test(token)) return null;
  const [row] = await withSystem("customer portal: resolve a customer session cookie", (tx) =>
    tx
      .select({ customerId: customerSessions.customerId, expiresAt: customerSessions.expiresAt })
      .from(customerSessions)
      .where(
        and(
          eq(customerSessions.tenantId, tenant.id),
          eq(customerSessions.tokenHash, hashToken(token)),
          gt(customerSessions.expiresAt, now),
        ),
      ),
  );
  if (!row) return null;
  return {
    actor: { kind: "customer", tenantId: tenant.id, customerId: row.customerId },
    expiresAt: row.expiresAt,
  };
}

/** Sign-out: the row goes, so the cookie is worthless even if it was copied. */
export async function endCustomerSession(tenant: TenantRecord, token: string | undefined): Promise<void> {
  if (!token || !TOKEN.test(token)) return;
  await withSystem("customer portal: sign out (delete the customer session)", (tx) =>
    tx
      .delete(customerSessions)
      .where(and(eq(customerSessions.tenantId, tenant.id), eq(customerSessions.tokenHash, hashToken(token)))),
  );
}
