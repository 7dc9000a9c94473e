import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "@/lib/observability";
import { type Mailer, MailMessage } from "./message";
import { messageIdFor } from "./once";

/** Sends through an SMTP relay given as smtp://user:pass@host:587 (STARTTLS when offered) or smtps://. */
export function smtpMailer(options: { url: string; from: string }): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url: options.url,
    // Fail within seconds rather than the library's minutes; the caller (worker) retries.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: "smtp",
    async verify() {
      await transport.verify();
    },
    async send(input) {
      const m = MailMessage.parse(input);
      const info = await transport.sendMail({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        headers: { ...m.headers, "X-Boka-Tag": m.tag },
        ...(m.dedupeKey ? { messageId: messageIdFor(m.dedupeKey) } : {}),
        attachments: (m.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      const id = String(info.messageId);
      logger.info({ tag: m.tag, tenantId: m.tenantId, id }, "mail sent over SMTP");
      return { id };
    },
  };
}
