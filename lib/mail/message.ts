import { z } from "zod";

/** One header line: CR or LF in a subject would let a caller inject headers. */
const headerSafe = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), "must be a single line");

export const MailAttachment = z.object({
  filename: z.string().regex(/^[\w.-]{1,100}$/, "a plain file name"),
  /** e.g. `text/calendar; method=REQUEST; charset=utf-8` */
  contentType: headerSafe(200),
  content: z.string().min(1).max(1_000_000),
});
export type MailAttachment = z.infer<typeof MailAttachment>;

export const MailMessage = z
  .object({
    to: z.email().max(254),
    subject: headerSafe(300),
    text: z.string().min(1),
    html: z.string().min(1).optional(),
    /** The practice the message is sent for, when there is one. */
    tenantId: z.uuid().optional(),
    /** What kind of mail this is (e.g. "auth.password-reset"): for logs and the dev mailbox, never content. */
    tag: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "lowercase letters, digits, '.', '_' or '-'"),
    /**
     * Sends the message at most once per practice and key (an outbox delivery key): a repeat answers
     * the first send's id. Also seeds a stable Message-ID, so a receiving server can spot a resend.
     */
    dedupeKey: z.string().min(1).max(300).optional(),
    /** Extra headers, e.g. List-Unsubscribe; names are RFC 5322 field names. */
    headers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,60}$/), headerSafe(2000)).optional(),
    attachments: z.array(MailAttachment).max(5).optional(),
  })
  .refine((m) => !m.dedupeKey || m.tenantId, { message: "dedupeKey needs tenantId", path: ["tenantId"] });
export type MailMessage = z.input<typeof MailMessage>;

export type SentMail = { id: string };

/**
 * Sends one message. Implementations must never log subjects or bodies: they carry login and reset
 * tokens. Log the tag, tenant and id only.
 */
export interface Mailer {
  readonly kind: "smtp" | "dev-mailbox";
  send(message: MailMessage): Promise<SentMail>;
  /** Reaches the server without sending (readiness); absent where there is nothing to reach. */
  verify?(): Promise<void>;
}
