/**
 * Per-service payment rules: none (pay at the practice), a deposit (fixed or a share of the price), full
 * prepayment, or a card kept on file for fees. Each booking stores its rule and the amount asked.
 */
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth";
import { type MemberActor, parseFields } from "@/lib/catalogue";
import { type PaymentRule, tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { shareOf } from "@/lib/money";
import { PaymentRuleFields } from "./fields";

const { services } = tables;

export type ServicePaymentRule = {
  paymentRule: PaymentRule;
  depositCents: number | null;
  depositBps: number | null;
  priceCents: number;
  currency: string;
};

/** What a booking of the service asks for up front, in minor units; never more than the price. */
export function amountDueOnline(s: ServicePaymentRule): number {
  switch (s.paymentRule) {
    case "prepayment":
      return s.priceCents;
    case "deposit":
      if (s.depositCents !== null) return Math.min(s.depositCents, s.priceCents);
      return shareOf(s.priceCents, s.depositBps ?? 0, s.currency);
    default:
      return 0;
  }
}

export function ruleFields(s: ServicePaymentRule): PaymentRuleFields {
  if (s.paymentRule !== "deposit") return { rule: s.paymentRule };
  return {
    rule: "deposit",
    deposit:
      s.depositCents !== null
        ? { kind: "fixed", amount_cents: s.depositCents }
        : { kind: "percent", bps: s.depositBps ?? 0 },
  };
}

/** Managers set a service's payment rule; audited. */
export async function setServicePaymentRule(
  actor: MemberActor,
  serviceId: string,
  raw: unknown,
): Promise<PaymentRuleFields> {
  assertCan(actor, "catalogue.manage");
  const input = parseFields(PaymentRuleFields, raw);
  const deposit = input.rule === "deposit" ? input.deposit : null;
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .update(services)
      .set({
        paymentRule: input.rule,
        depositCents: deposit?.kind === "fixed" ? deposit.amount_cents : null,
        depositBps: deposit?.kind === "percent" ? deposit.bps : null,
      })
      .where(and(eq(services.tenantId, actor.tenantId), eq(services.id, serviceId)))
      .returning({ id: services.id });
    if (!row) throw new NotFound("Service not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "service.payment_rule_changed",
      targetType: "service",
      targetId: serviceId,
      details: input,
    });
    return input;
  });
}
