import { config } from "@/lib/config";
import { applyInboundReply, validTwilioSignature } from "@/lib/notifications";
import { logger } from "@/lib/observability";

/**
 * Twilio's inbound-message webhook (set it on the sending number): replies of STOP and friends record
 * an opt-out, START lifts it. The signature covers the public URL and the form fields, so it is
 * computed against APP_URL (the address Twilio was given), not the URL behind a proxy.
 */
export async function POST(request: Request): Promise<Response> {
  const token = config().TWILIO_AUTH_TOKEN;
  if (!token) return new Response("SMS is not configured", { status: 404 });
  const form = await request.formData().catch(() => null);
  if (!form) return new Response("Expected a form body", { status: 400 });
  const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const url = new URL(
    new URL(request.url).pathname + new URL(request.url).search,
    config().APP_URL,
  ).toString();
  if (!validTwilioSignature(token, request.headers.get("x-twilio-signature"), url, fields)) {
    return new Response("Signature does not match", { status: 403 });
  }
  const outcome = await applyInboundReply(fields.From ?? "", fields.Body ?? "");
  logger.info({ outcome }, "inbound SMS reply");
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
    headers: { "Content-Type": "text/xml" },
  });
}
