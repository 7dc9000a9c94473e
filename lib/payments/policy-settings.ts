/**
 * Owners set the practice's cancellation policy; managers may give a service its own (null: back to the
 * practice's). New bookings store what applies then; existing bookings keep their snapshot. Audited.
 */
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth";
import { type MemberActor, parseFields } from "@/lib/catalogue";
import { tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { CancellationPolicy, DEFAULT_POLICY, describePolicy, readStoredPolicy } from "@/lib/policies";

const { tenants, services } = tables;

export type PolicyView = {
  policy: CancellationPolicy;
  /** true when the practice (or service) has none of its own and the default (or practice's) applies. */
  inherited: boolean;
  /** What a customer reads, for the practice's currency and a sample price. */
  preview: string[];
};

const SAMPLE_PRICE = 6000;

export async function practicePolicy(actor: MemberActor): Promise<PolicyView> {
  assertCan(actor, "settings.view");
  const [row] = await withTenant(actor, (tx) =>
    tx
      .select({ policy: tenants.cancellationPolicy, currency: tenants.currency })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId)),
  );
  if (!row) throw new NotFound("Practice not found");
  const own = readStoredPolicy(row.policy);
  const policy = own ?? DEFAULT_POLICY;
  return { policy, inherited: !own, preview: describePolicy(policy, SAMPLE_PRICE, row.currency) };
}

/** `raw` null goes back to the default policy for new practices. */
export async function setPracticePolicy(actor: MemberActor, raw: unknown): Promise<PolicyView> {
  assertCan(actor, "settings.manage");
  const policy = raw === null ? null : parseFields(CancellationPolicy, raw);
  await withTenant(actor, async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({ cancellationPolicy: policy })
      .where(eq(tenants.id, actor.tenantId))
      .returning({ id: tenants.id });
    if (!row) throw new NotFound("Practice not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "settings.cancellation_policy_changed",
      targetType: "tenant",
      targetId: actor.tenantId,
      details: { policy },
    });
  });
  return practicePolicy(actor);
}

/** `raw` null: the service follows the practice's policy again. */
export async function setServicePolicy(
  actor: MemberActor,
  serviceId: string,
  raw: unknown,
): Promise<CancellationPolicy | null> {
  assertCan(actor, "catalogue.manage");
  const policy = raw === null ? null : parseFields(CancellationPolicy, raw);
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .update(services)
      .set({ cancellationPolicy: policy })
      .where(and(eq(services.tenantId, actor.tenantId), eq(services.id, serviceId)))
      .returning({ id: services.id });
    if (!row) throw new NotFound("Service not found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "service.cancellation_policy_changed",
      targetType: "service",
      targetId: serviceId,
      details: { policy },
    });
    return policy;
  });
}
