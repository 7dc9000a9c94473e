export type SmsMessage = {
  /** E.164 */
  to: string;
  body: string;
  tenantId?: string;
  /** What kind of text (e.g. "booking.reminder"): logs and the dev log, never content. */
  tag: string;
};

export interface SmsProvider {
  readonly kind: "twilio" | "dev-log";
  send(message: SmsMessage): Promise<{ id: string }>;
}
