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
 * Sends once per (delivery, channel, recipient): a retried delivery skips the recipients it already
 * reached. A crash between the provider accepting and the record being written resends; the email
 * then carries the same Message-ID, so the receiving side can tell it is a repeat.
 * Returns false when it had been sent before.
 */
export async function sendOnce(
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
