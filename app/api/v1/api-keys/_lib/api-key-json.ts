import { z } from "zod";
import type { ApiKeySummary } from "@/lib/api-keys";
import { ScopeName } from "@/lib/api-keys/fields";

/** The wire shape of a key (never its secret or digest). */
export function apiKeyJson(key: ApiKeySummary) {
  return { object: "api_key", ...key };
}

export const NewApiKeyBody = z.object({
  name: z.string(),
  scopes: z.array(ScopeName),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  rate_limit_per_minute: z.number().int().optional(),
});

export const RollBody = z.object({ grace_hours: z.number().optional() });
