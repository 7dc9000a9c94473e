import { config } from "@/lib/config";
import { devLogSms } from "./dev-log";
import type { SmsProvider } from "./provider";
import { twilioSms } from "./twilio";

export { type DevSms, listDevSms } from "./dev-log";
export { applyInboundReply, isOptedOut } from "./opt-outs";
export type { SmsMessage, SmsProvider } from "./provider";
export { twilioSms, validTwilioSignature } from "./twilio";

const globalForSms = globalThis as unknown as { bokaSms?: { key: string; provider: SmsProvider | null } };

/**
 * Twilio when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are set; the dev log otherwise,
 * except in production, where no texts are sent (null) rather than kept in a table nobody reads.
 */
export function smsProvider(): SmsProvider | null {
  const cfg = config();
  const twilio =
    cfg.TWILIO_ACCOUNT_SID && cfg.TWILIO_AUTH_TOKEN && cfg.TWILIO_FROM
      ? { accountSid: cfg.TWILIO_ACCOUNT_SID, authToken: cfg.TWILIO_AUTH_TOKEN, from: cfg.TWILIO_FROM }
      : null;
  const key = twilio
    ? `twilio ${twilio.accountSid} ${twilio.from} ${cfg.TWILIO_API_BASE_URL ?? ""}`
    : cfg.NODE_ENV;
  if (globalForSms.bokaSms?.key !== key) {
    const provider = twilio
      ? twilioSms({ ...twilio, ...(cfg.TWILIO_API_BASE_URL ? { baseUrl: cfg.TWILIO_API_BASE_URL } : {}) })
      : cfg.NODE_ENV === "production"
        ? null
        : devLogSms();
    globalForSms.bokaSms = { key, provider };
  }
  return globalForSms.bokaSms.provider;
}
