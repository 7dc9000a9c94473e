/**
 * The operator's CLI (scripts/api-key.ts): automation that runs on the server with database access,
 * not as a member. The system path, named for each use; entries are audited with no actor.
 */
import { desc, eq } from "drizzle-orm";
import { tables, withSystem } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { NewApiKey } from "./fields";
import {
  type ApiKeySummary,
  checkRateLimit,
  type IssuedApiKey,
  insertKey,
  parse,
  revokeKey,
  summaryColumns,
} from "./manage";

const { apiKeys, tenants } = tables;

export async function operatorCreateKey(slug: string, raw: unknown): Promise<IssuedApiKey> {
  const input = parse(NewApiKey, raw);
  checkRateLimit(input.rateLimitPerMinute, true);
  return withSystem("operator CLI creates an API key", async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (!tenant) throw new NotFound(`No practice with the slug "${slug}"`);
    return insertKey(tx, tenant.id, null, input);
  });
}

export type OperatorKeyRow = ApiKeySummary & { tenantSlug: string };

export function operatorListKeys(slug?: string): Promise<OperatorKeyRow[]> {
  return withSystem("operator CLI lists API keys", (tx) =>
    tx
      .select({ ...summaryColumns, tenantSlug: tenants.slug })
      .from(apiKeys)
      .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
      .where(slug ? eq(tenants.slug, slug) : undefined)
      .orderBy(desc(apiKeys.createdAt)),
  );
}

export function operatorRevokeKey(id: string): Promise<ApiKeySummary> {
  return withSystem("operator CLI revokes an API key", async (tx) => {
    const [row] = await tx.select({ tenantId: apiKeys.tenantId }).from(apiKeys).where(eq(apiKeys.id, id));
    if (!row) throw new NotFound("API key not found");
    return revokeKey(tx, row.tenantId, id, null);
  });
}
