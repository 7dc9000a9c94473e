import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { tables, withSystem } from "@/lib/db";
import { logger } from "@/lib/observability";
import { type Mailer, MailMessage } from "./message";

const { sentMail } = tables;

/** A Message-ID that is the same for every send of one dedupe key. */
export function messageIdFor(dedupeKey: string): string {
  return `<${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32)}@boka.mail>`;
}

/**
 * Wraps a mailer so a message with a dedupe key is sent once: a key already recorded answers the
 * recorded id. The record is written right after the send, so only a crash in between can repeat it.
 */
export function sendOnce(inner: Mailer): Mailer {
  return {
    kind: inner.kind,
    // Readiness probes the inner transport (main's ops merge); the wrapper must not hide it.
    ...(inner.verify ? { verify: () => inner.verify?.() ?? Promise.resolve() } : {}),
    async send(input) {
      const m = MailMessage.parse(input);
      if (!m.dedupeKey || !m.tenantId) return inner.send(m);
      const where = and(eq(sentMail.tenantId, m.tenantId), eq(sentMail.dedupeKey, m.dedupeKey));
      const [earlier] = await withSystem("mail checks whether a keyed message was sent", (tx) =>
        tx.select({ id: sentMail.messageId }).from(sentMail).where(where),
      );
      if (earlier) {
        logger.info({ tag: m.tag, tenantId: m.tenantId, id: earlier.id }, "keyed mail already sent; skipped");
        return earlier;
      }
      const sent = await inner.send(m);
      await withSystem("mail records a keyed message as sent", (tx) =>
        tx
          .insert(sentMail)
          .values({ tenantId: m.tenantId as string, dedupeKey: m.dedupeKey as string, messageId: sent.id })
          .onConflictDoNothing(),
      );
      return sent;
    },
  };
}
