// The mail transport: SMTP when SMTP_URL is set, else the dev mailbox; keyed messages are sent once.
import { config } from "@/lib/config";
import { logger, metrics } from "@/lib/observability";
import { devMailboxMailer } from "./dev-mailbox";
import type { Mailer } from "./message";
import { sendOnce } from "./once";
import { smtpMailer } from "./smtp";

export { type DevMailboxMessage, devMailboxMailer, listDevMailbox } from "./dev-mailbox";
export type { MailAttachment, Mailer, MailMessage, SentMail } from "./message";
export { messageIdFor } from "./once";
export { smtpMailer } from "./smtp";

const globalForMail = globalThis as unknown as { bokaMailer?: { key: string; mailer: Mailer } };

/** Every send lands in boka_email_deliveries_total by transport and result. */
function counted(inner: Mailer): Mailer {
  const deliveries = metrics().emailDeliveries;
  const transport = inner.kind.replace("-", "_");
  return {
    ...inner,
    async send(message) {
      try {
        const sent = await inner.send(message);
        deliveries.inc({ transport, result: "sent" });
        return sent;
      } catch (error) {
        deliveries.inc({ transport, result: "failed" });
        throw error;
      }
    },
  };
}

/** SMTP when SMTP_URL is set, else the dev mailbox. Re-reads config so tests can switch between them. */
export function mailer(): Mailer {
  const cfg = config();
  const key = cfg.SMTP_URL ? `smtp ${cfg.SMTP_URL} ${cfg.MAIL_FROM}` : "dev-mailbox";
  if (globalForMail.bokaMailer?.key !== key) {
    if (!cfg.SMTP_URL && cfg.NODE_ENV === "production") {
      // Mail would never reach anyone; say so once rather than failing every sign-up.
      logger.warn("SMTP_URL is not set: outgoing mail is kept in the dev mailbox table only");
    }
    const mailer = cfg.SMTP_URL ? smtpMailer({ url: cfg.SMTP_URL, from: cfg.MAIL_FROM }) : devMailboxMailer();
    // Counted inside the once-only wrapper: a send answered from the record is not a send.
    globalForMail.bokaMailer = { key, mailer: sendOnce(counted(mailer)) };
  }
  return globalForMail.bokaMailer.mailer;
}
