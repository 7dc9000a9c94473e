import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { logger } from "@/lib/observability";
import type { SmsProvider } from "./provider";

export type TwilioOptions = { accountSid: string; authToken: string; from: string; baseUrl?: string };

/**
 * The SDK's own HTTP client, with every API call's origin replaced by `baseUrl` (a test's local
 * server speaking the Messages API). Without it, calls go to api.twilio.com as usual.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly base: URL) {
    super({ timeout: 10_000 });
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    return super.request<TData>({ ...opts, uri: uri.toString() });
  }
}

/** Sends through Twilio's Messages API with the official SDK. */
export function twilioSms(options: TwilioOptions): SmsProvider {
  const client = twilio(options.accountSid, options.authToken, {
    ...(options.baseUrl ? { httpClient: new RebasedRequestClient(new URL(options.baseUrl)) } : {}),
    autoRetry: true,
    maxRetries: 2,
  });
  return {
    kind: "twilio",
    async send(m) {
      const message = await client.messages.create({ to: m.to, from: options.from, body: m.body });
      logger.info({ tag: m.tag, tenantId: m.tenantId, id: message.sid }, "text sent through Twilio");
      return { id: message.sid };
    },
  };
}

/** Twilio's webhook signature check (HMAC-SHA1 of the URL and sorted form parameters). */
export function validTwilioSignature(
  authToken: string,
  signature: string | null,
  url: string,
  params: Record<string, string>,
): boolean {
  return Boolean(signature) && twilio.validateRequest(authToken, signature ?? "", url, params);
}
