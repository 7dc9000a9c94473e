import { and, eq } from "drizzle-orm";
import { type SystemRunner, tables } from "@/lib/db";

const { notificationSends } = tables;

export type SendKey = {
  tenantId: string;
  deliveryKey: string;
  channel: "email" | "sms";
  recipient: string;
  kind: string;
};

/**
 * Sends a text once per (delivery, recipient): a retried delivery skips numbers it already reached
 * (email has the same guard in lib/mail's sent_mail ledger). Only a crash between the provider
 * accepting and the record being written can repeat a text. Returns false when sent before.
 */
export async function textOnce(
  system: SystemRunner,
  key: SendKey,
  send: () => Promise<{ id: string }>,
): Promise<boolean> {
  const match = and(
    eq(notificationSends.tenantId, key.tenantId),
    eq(notificationSends.deliveryKey, key.deliveryKey),
    eq(notificationSends.channel, key.channel),
    eq(notificationSends.recipient, key.recipient),
  );
  const [done] = await system("notifications: has this delivery reached this recipient already", (tx) =>
    tx.select({ at: notificationSends.sentAt }).from(notificationSends).where(match),
  );
  if (done) return false;
  const sent = await send();
  await system("notifications: record a message handed to the provider", (tx) =>
    tx
      .insert(notificationSends)
      .values({ ...key, providerId: sent.id })
      .onConflictDoNothing(),
  );
  return true;
}
