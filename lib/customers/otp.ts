/**
 * Signing in to a practice's customer portal with a one-time code sent by email: 6 digits, 10 minutes,
 * 5 tries, single use. Asking for a code answers the same whether or not the address belongs to a customer
 * (the mail goes out after the answer, so SMTP time says nothing either), and both steps are rate limited
 * per client IP and per address. A 6-digit code cannot resist an offline search of its hash: what protects
 * it is that it lives 10 minutes, allows 5 guesses, and only the newest code for an address works.
 */
import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { TenantRecord } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { tables, withSystem } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { logger } from "@/lib/observability";
import { createLimiter, enforce, type LimiterOptions } from "@/lib/rate-limit";
import { CODE_LENGTH, SignInCodeFields, SignInEmailFields } from "./fields";
import { insertCustomerSession, type NewCustomerSession } from "./sessions";

const { customers, customerOtps } = tables;

export const CODE_TTL_MINUTES = 10;
export const CODE_ATTEMPTS = 5;
export const WRONG_CODE = "That code is not right, has expired or was already used. Ask for a new one.";

// Sending: a client may ask for 10 codes per 15 minutes, an address may receive 5 per hour (so at most
// 25 guesses per address per hour across fresh codes). Checking: 30 per IP per 15 minutes, 15 per
// address per hour. Keys are the input, never whether it is known, so limits cannot enumerate either.
const LIMITS = {
  sendIp: { keyPrefix: "customer-otp-send-ip", points: 10, durationSeconds: 900 },
  sendEmail: { keyPrefix: "customer-otp-send-email", points: 5, durationSeconds: 3600 },
  verifyIp: { keyPrefix: "customer-otp-verify-ip", points: 30, durationSeconds: 900 },
  verifyEmail: { keyPrefix: "customer-otp-verify-email", points: 15, durationSeconds: 3600 },
} satisfies Record<string, LimiterOptions>;

type Context = { ip: string | null; now?: Date };

/** Email compared as citext: a text parameter would make the comparison case-sensitive. */
const sameEmail = (column: typeof customers.email | typeof customerOtps.email, email: string) =>
  eq(column, sql`${email}::extensions.citext`);

function hashCode(otpId: string, code: string): Buffer {
  return createHash("sha256").update(`${otpId}:${code}`).digest();
}

async function throttle(
  limits: { ip: LimiterOptions; email: LimiterOptions },
  tenantId: string,
  email: string,
  ip: string | null,
) {
  const message = "Too many attempts. Please wait a few minutes and try again.";
  // Without a known client IP there is no fair per-IP bucket; the per-address limit still applies.
  if (ip) await enforce(createLimiter(limits.ip), `ip:${ip}`, { message });
  await enforce(createLimiter(limits.email), `${tenantId}:${email}`, { message });
}

/**
 * Issues a code when the address belongs to one of the practice's customers and mails it. The answer is
 * the same either way; `mail` settles when the message is handed over (it never rejects: a failure is
 * logged), so a caller can answer first and let delivery finish after the response.
 */
export async function requestSignInCode(
  tenant: TenantRecord,
  raw: unknown,
  ctx: Context,
): Promise<{ mail: Promise<void> }> {
  const { email } = SignInEmailFields.parse(raw);
  const now = ctx.now ?? new Date();
  await throttle({ ip: LIMITS.sendIp, email: LIMITS.sendEmail }, tenant.id, email, ctx.ip);

  const code = await withSystem("customer portal: issue a sign-in code to a customer's email", async (tx) => {
    // Tidy the practice's dead codes as we go; they are useless a day after expiry.
    await tx
      .delete(customerOtps)
      .where(
        and(
          eq(customerOtps.tenantId, tenant.id),
          lt(customerOtps.expiresAt, new Date(now.getTime() - 86_400_000)),
        ),
      );
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.id), sameEmail(customers.email, email)));
    if (!customer) return null;
    // Only the newest code for an address works: a fresh request retires the earlier ones.
    await tx
      .delete(customerOtps)
      .where(and(eq(customerOtps.tenantId, tenant.id), sameEmail(customerOtps.email, email)));
    const id = randomUUID();
    const code = String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
    await tx.insert(customerOtps).values({
      tenantId: tenant.id,
      id,
      customerId: customer.id,
      email,
      codeHash: hashCode(id, code),
      attemptsLeft: CODE_ATTEMPTS,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
    });
    return code;
  });

  const mail = code
    ? mailer()
        .send({
          to: email,
          subject: `Your sign-in code for ${tenant.name}`,
          text: [
            `Your sign-in code is ${code}.`,
            "",
            `Enter it at ${new URL(`/${tenant.slug}/account`, config().APP_URL)} within ${CODE_TTL_MINUTES} minutes. It works once.`,
            "",
            "If you did not ask for it, ignore this email: nobody can sign in without the code.",
          ].join("\n"),
          tag: "customer-otp",
          tenantId: tenant.id,
        })
        .then(
          () => undefined,
          (err: unknown) => logger.error({ err, tenantId: tenant.id }, "customer sign-in code not sent"),
        )
    : Promise.resolve();
  return { mail };
}

type Outcome = { ok: true; session: NewCustomerSession } | { ok: false };

/**
 * Checks a code. A wrong code spends one of its tries (committed, even though the caller then sees an
 * error); a right one is marked used and opens a session in the same transaction, under a row lock, so
 * two racing submissions of one code cannot both sign in.
 */
export async function verifySignInCode(
  tenant: TenantRecord,
  raw: unknown,
  ctx: Context,
): Promise<NewCustomerSession> {
  const { email, code } = SignInCodeFields.parse(raw);
  const now = ctx.now ?? new Date();
  await throttle({ ip: LIMITS.verifyIp, email: LIMITS.verifyEmail }, tenant.id, email, ctx.ip);

  const outcome = await withSystem(
    "customer portal: check a sign-in code and open a customer session",
    async (tx): Promise<Outcome> => {
      const [otp] = await tx
        .select()
        .from(customerOtps)
        .where(
          and(
            eq(customerOtps.tenantId, tenant.id),
            sameEmail(customerOtps.email, email),
            isNull(customerOtps.usedAt),
          ),
        )
        .orderBy(desc(customerOtps.createdAt))
        .limit(1)
        .for("update");
      if (!otp || otp.expiresAt <= now || otp.attemptsLeft <= 0) return { ok: false };
      const where = and(eq(customerOtps.tenantId, tenant.id), eq(customerOtps.id, otp.id));
      if (!timingSafeEqual(hashCode(otp.id, code), otp.codeHash)) {
        await tx
          .update(customerOtps)
          .set({ attemptsLeft: sql`${customerOtps.attemptsLeft} - 1` })
          .where(where);
        return { ok: false };
      }
      await tx.update(customerOtps).set({ usedAt: now }).where(where);
      // The practice may have changed the customer's address (or removed them) since the code was sent.
      const [customer] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(
            eq(customers.tenantId, tenant.id),
            eq(customers.id, otp.customerId),
            sameEmail(customers.email, otp.email),
          ),
        );
      if (!customer) return { ok: false };
      return { ok: true, session: await insertCustomerSession(tx, tenant.id, customer.id, now) };
    },
  );
  if (!outcome.ok) throw new ValidationFailed(WRONG_CODE, [{ field: "code", message: WRONG_CODE }]);
  return outcome.session;
}
