import { sql } from "drizzle-orm";
import { z } from "zod";
import { withSystem } from "@/lib/db";
import { logger } from "@/lib/observability";
import type { SmsProvider } from "./provider";

/** Without Twilio, texts are kept in public.dev_sms (system access only) and shown at /dev/mailbox. */
export function devLogSms(): SmsProvider {
  return {
    kind: "dev-log",
    async send(m) {
      const result = await withSystem("dev SMS log stores a text", (tx) =>
        tx.execute<{ id: string }>(sql`
          insert into public.dev_sms (to_phone, body, tag, tenant_id)
          values (${m.to}, ${m.body}, ${m.tag}, ${m.tenantId ?? null})
          returning id::text as id`),
      );
      const id = `dev-sms-${String(result.rows[0]?.id)}`;
      logger.info({ tag: m.tag, tenantId: m.tenantId, id }, "text stored in the dev SMS log");
      return { id };
    },
  };
}

const Row = z.object({
  id: z.coerce.string(),
  created_at: z.coerce.date(),
  to_phone: z.string(),
  body: z.string(),
  tag: z.string(),
  tenant_id: z.string().nullable(),
});
export type DevSms = {
  id: string;
  createdAt: Date;
  to: string;
  body: string;
  tag: string;
  tenantId: string | null;
};

export async function listDevSms(limit = 50): Promise<DevSms[]> {
  const result = await withSystem("dev SMS log lists texts", (tx) =>
    tx.execute(sql`select id, created_at, to_phone, body, tag, tenant_id from public.dev_sms
                   order by id desc limit ${limit}`),
  );
  return result.rows.map((raw) => {
    const r = Row.parse(raw);
    return {
      id: r.id,
      createdAt: r.created_at,
      to: r.to_phone,
      body: r.body,
      tag: r.tag,
      tenantId: r.tenant_id,
    };
  });
}
