import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as inboundSms } from "@/app/api/webhooks/twilio/sms/route";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase } from "@/lib/db";
import { listDevSms, PhoneNumber, sendReminder, smsProvider, twilioSms } from "@/lib/notifications";
import { startFakeTwilio } from "../support/fake-twilio";
import {
  bookAsGuest,
  handlerContext,
  hoursAhead,
  notificationWorld,
  outboxEvent,
  type World,
} from "../support/notifications";

const SID = `AC${"a1".repeat(16)}`;
const TOKEN = "twilio-test-auth-token-0123456789";
const FROM = "+15005550006";
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
let w: World;
const saved = { ...process.env };

beforeAll(async () => {
  twilio = await startFakeTwilio();
  w = await notificationWorld();
});
afterEach(() => {
  for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_API_BASE_URL"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetConfigForTests();
});
afterAll(async () => {
  await twilio.close();
  await closeDatabase();
});

function useTwilio() {
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_FROM: FROM,
    TWILIO_API_BASE_URL: twilio.url,
  });
  resetConfigForTests();
}

/** Twilio's documented signature: HMAC-SHA1 over the URL followed by each sorted key and value. */
function sign(url: string, fields: Record<string, string>, token = TOKEN) {
  const data =
    url +
    Object.keys(fields)
      .sort()
      .map((k) => k + fields[k])
      .join("");
  return createHmac("sha1", token).update(data).digest("base64");
}

function inbound(fields: Record<string, string>, signature: string) {
  return inboundSms(
    new Request("http://localhost:3000/api/webhooks/twilio/sms", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe("phone numbers", () => {
  it("are stored E.164 and refused when not a real number", () => {
    expect(PhoneNumber.parse(" +44 20 7946 0958 ")).toBe("+442079460958");
    expect(PhoneNumber.safeParse("0123").success).toBe(false);
    expect(PhoneNumber.safeParse("+44 12").success).toBe(false);
  });
});

describe("the Twilio adapter", () => {
  it("sends through the Twilio SDK's Messages API with the account's credentials", async () => {
    const provider = twilioSms({ accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: twilio.url });
    const sent = await provider.send({ to: "+447911123456", body: "Hello", tag: "test" });
    expect(sent.id).toMatch(/^SM\d{32}$/);
    expect(twilio.received.at(-1)).toEqual({
      accountSid: SID,
      auth: `${SID}:${TOKEN}`,
      to: "+447911123456",
      from: FROM,
      body: "Hello",
    });
  });

  it("is the provider when configured; a reminder texts through it, and not after the number replied STOP", async () => {
    useTwilio();
    expect(smsProvider()?.kind).toBe("twilio");
    const phone = "+447911123457";
    let hour = 1;
    const remind = async () => {
      hour += 2;
      const { booking } = await bookAsGuest(w, hoursAhead(hour), { phone });
      const event = outboxEvent(w.tenant.id, "booking.reminder", {
        booking_id: booking.id,
        starts_at: booking.startAt.toISOString(),
        offset_minutes: 120,
      });
      await sendReminder(event, handlerContext());
    };
    await remind();
    expect(twilio.received.filter((m) => m.to === phone)).toHaveLength(1);

    const stop = { From: phone, To: FROM, Body: " stop ", MessageSid: "SM1" };
    const url = "http://localhost:3000/api/webhooks/twilio/sms";
    expect((await inbound(stop, sign(url, stop, "wrong-token-wrong-token"))).status).toBe(403);
    await remind();
    expect(twilio.received.filter((m) => m.to === phone)).toHaveLength(2);

    const accepted = await inbound(stop, sign(url, stop));
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("content-type")).toBe("text/xml");
    await remind();
    expect(twilio.received.filter((m) => m.to === phone)).toHaveLength(2);

    const start = { ...stop, Body: "START" };
    expect((await inbound(start, sign(url, start))).status).toBe(200);
    await remind();
    expect(twilio.received.filter((m) => m.to === phone)).toHaveLength(3);
    expect((await listDevSms(500)).filter((t) => t.to === phone)).toEqual([]);
  });
});
