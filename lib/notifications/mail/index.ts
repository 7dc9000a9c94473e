import { config } from "@/lib/config";
import { logger } from "@/lib/observability";
import { devMailboxMailer } from "./dev-mailbox";
import type { Mailer } from "./message";
import { sendOnce } from "./once";
import { smtpMailer } from "./smtp";

export { type DevMailboxMessage, devMailboxMailer, listDevMailbox } from "./dev-mailbox";
export type { Mailer, MailMessage, SentMail } from "./message";
export { smtpMailer } from "./smtp";

const globalForMail = globalThis as unknown as { bokaMailer?: { key: string; mailer: Mailer } };

/** SMTP when SMTP_URL is set, else the dev mailbox. Re-reads config so tests can switch between them. */
export function mailer(): Mailer {
  const cfg = config();
  const key = cfg.SMTP_URL ? `smtp ${cfg.SMTP_URL} ${cfg.MAIL_FROM}` : "dev-mailbox";
  if (globalForMail.bokaMailer?.key !== key) {
    if (!cfg.SMTP_URL && cfg.NODE_ENV === "production") {
      // Mail would never reach anyone; say so once rather than failing every sign-up.
      logger.warn("SMTP_URL is not set: outgoing mail is kept in the dev mailbox table only");
    }
    const mailer = sendOnce(
      cfg.SMTP_URL ? smtpMailer({ url: cfg.SMTP_URL, from: cfg.MAIL_FROM }) : devMailboxMailer(),
    );
    globalForMail.bokaMailer = { key, mailer };
  }
  return globalForMail.bokaMailer.mailer;
}
