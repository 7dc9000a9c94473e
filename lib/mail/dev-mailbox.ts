import { sql } from "drizzle-orm";
import { z } from "zod";
import { withSystem } from "@/lib/db";
import { logger } from "@/lib/observability";
import { type MailAttachment, type Mailer, MailMessage } from "./message";
import { messageIdFor } from "./once";

/** Without SMTP, mail is kept in public.dev_mailbox (system access only) and shown at /dev/mailbox. */
export function devMailboxMailer(): Mailer {
  return {
    kind: "dev-mailbox",
    async send(input) {
      const m = MailMessage.parse(input);
      const result = await withSystem("dev mailbox stores a message", (tx) =>
        tx.execute<{ id: string }>(sql`
          insert into public.dev_mailbox
            (to_address, subject, text_body, html_body, tag, tenant_id, attachments, headers)
          values (${m.to}, ${m.subject}, ${m.text}, ${m.html ?? null}, ${m.tag}, ${m.tenantId ?? null},
                  ${JSON.stringify(m.attachments ?? [])}::jsonb,
                  ${JSON.stringify({ ...m.headers, ...(m.dedupeKey ? { "Message-ID": messageIdFor(m.dedupeKey) } : {}) })}::jsonb)
          returning id::text as id`),
      );
      const id = String(result.rows[0]?.id);
      logger.info({ tag: m.tag, tenantId: m.tenantId, id }, "mail stored in the dev mailbox");
      return { id };
    },
  };
}

const ListOptions = z.object({
  to: z.string().trim().max(254).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

// Both drivers: pg returns bigint as text and dates as Date; coerce so callers get one shape.
const Row = z.object({
  id: z.coerce.string(),
  created_at: z.coerce.date(),
  to_address: z.string(),
  subject: z.string(),
  text_body: z.string(),
  html_body: z.string().nullable(),
  tag: z.string(),
  tenant_id: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
  headers: z.record(z.string(), z.string()),
});

export type DevMailboxMessage = {
  id: string;
  createdAt: Date;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  tag: string;
  tenantId: string | null;
  attachments: MailAttachment[];
  headers: Record<string, string>;
};

/** Newest first; `to` matches the recipient case-insensitively. */
export async function listDevMailbox(
  options: z.input<typeof ListOptions> = {},
): Promise<DevMailboxMessage[]> {
  const { to, limit } = ListOptions.parse(options);
  const result = await withSystem("dev mailbox lists messages", (tx) =>
    tx.execute(sql`
      select id, created_at, to_address, subject, text_body, html_body, tag, tenant_id, attachments, headers
      from public.dev_mailbox
      where ${to ? sql`lower(to_address) = lower(${to})` : sql`true`}
      order by id desc
      limit ${limit}`),
  );
  return result.rows.map((raw) => {
    const r = Row.parse(raw);
    return {
      id: r.id,
      createdAt: r.created_at,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      tag: r.tag,
      tenantId: r.tenant_id,
      attachments: r.attachments,
      headers: r.headers,
    };
  });
}
