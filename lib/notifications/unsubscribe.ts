import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { config } from "@/lib/config";
import { encryptionKeyring } from "@/lib/crypto";
import { type Tx, tables, withSystem } from "@/lib/db";

/**
 * One-click unsubscribe (RFC 8058) for reminders and thank-you notes: the link names the practice and
 * the address and carries an HMAC of both, so it works without signing in and cannot be forged for
 * someone else. Transactional messages (confirmations, changes, cancellations) ignore it.
 */
const LABEL = "boka unsubscribe v1";

function signature(tenantId: string, email: string, key: Buffer): string {
  const subkey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), LABEL, 32));
  return createHmac("sha256", subkey).update(`${tenantId}\n${email.toLowerCase()}`).digest("base64url");
}

export function unsubscribeUrl(tenantId: string, email: string): string {
  const ring = encryptionKeyring();
  const key = ring.keys[ring.current];
  if (!key) throw new Error("the keyring has no current key");
  const url = new URL("/unsubscribe", config().APP_URL);
  url.searchParams.set("t", tenantId);
  url.searchParams.set("e", email.toLowerCase());
  url.searchParams.set("s", signature(tenantId, email, key));
  return url.toString();
}

/** RFC 8058 headers: mail clients POST `List-Unsubscribe=One-Click` to the URL. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export const UnsubscribeParams = z.object({
  t: z.uuid(),
  e: z.email().max(254),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type UnsubscribeParams = z.infer<typeof UnsubscribeParams>;

export function validUnsubscribe(p: UnsubscribeParams): boolean {
  const given = Buffer.from(p.s);
  return Object.values(encryptionKeyring().keys).some((key) => {
    const expected = Buffer.from(signature(p.t, p.e, key));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** Records the unsubscribe; false when the link is not genuine. Repeating it is harmless. */
export async function unsubscribe(p: UnsubscribeParams): Promise<boolean> {
  if (!validUnsubscribe(p)) return false;
  await withSystem("unsubscribe: a customer refuses reminder mail by a signed link (no sign-in)", (tx) =>
    tx
      .insert(tables.emailUnsubscribes)
      .values({ tenantId: p.t, email: p.e.toLowerCase() })
      .onConflictDoNothing(),
  );
  return true;
}

export async function isUnsubscribed(tx: Tx, tenantId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ email: tables.emailUnsubscribes.email })
    .from(tables.emailUnsubscribes)
    .where(
      and(
        eq(tables.emailUnsubscribes.tenantId, tenantId),
        eq(tables.emailUnsubscribes.email, email.toLowerCase()),
      ),
    );
  return Boolean(row);
}
