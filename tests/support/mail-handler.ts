import { registerHandler } from "@/lib/events";
import { mailer } from "@/lib/mail";

export const TEST_MAIL_TYPE = "test.mail_once";

/**
 * A handler that mails `payload.to` through lib/mail with the delivery key as dedupe key. With
 * `crashAfterSend` the process dies right after the send, before the worker can record the delivery:
 * the worst moment for a crash.
 */
export function registerTestMailHandler(options: { crashAfterSend: boolean }) {
  registerHandler({
    name: "test-mail-once",
    types: [TEST_MAIL_TYPE],
    async handle(event, ctx) {
      await mailer().send({
        to: String(event.payload.to),
        subject: "Your booking",
        text: `Delivery ${ctx.deliveryKey}, attempt ${ctx.attempt}`,
        tag: "test.mail-once",
        tenantId: event.tenantId,
        dedupeKey: ctx.deliveryKey,
      });
      if (options.crashAfterSend) process.exit(17);
    },
  });
}
