import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedMessage = { accountSid: string; auth: string; to: string; from: string; body: string };

/**
 * A local server speaking the part of Twilio's REST API the adapter uses: POST
 * /2010-04-01/Accounts/{sid}/Messages.json (form-encoded, Basic auth) → 201 with a Message resource.
 */
export async function startFakeTwilio(): Promise<{
  url: string;
  received: ReceivedMessage[];
  close: () => Promise<void>;
}> {
  const received: ReceivedMessage[] = [];
  const server: Server = createServer((req, res) => {
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? "");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || !match) {
        res
          .writeHead(404, { "Content-Type": "application/json" })
          .end(JSON.stringify({ code: 20404, status: 404 }));
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const message = {
        accountSid: match[1] ?? "",
        auth: Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString(),
        to: form.get("To") ?? "",
        from: form.get("From") ?? "",
        body: form.get("Body") ?? "",
      };
      received.push(message);
      const sid = `SM${String(received.length).padStart(32, "0")}`;
      res.writeHead(201, { "Content-Type": "application/json" }).end(
        JSON.stringify({
          sid,
          account_sid: message.accountSid,
          to: message.to,
          from: message.from,
          body: message.body,
          status: "queued",
          num_segments: "1",
          direction: "outbound-api",
          api_version: "2010-04-01",
          date_created: new Date().toUTCString(),
          uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${sid}.json`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
