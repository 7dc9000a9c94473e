import { eq } from "drizzle-orm";
import { type Tx, tables, withSystem } from "@/lib/db";
import { toE164 } from "../fields";

const { smsOptOuts } = tables;

// Twilio's standard opt-out and opt-in keywords (a reply of exactly one of them, any case).
const STOP = new Set([
  "STOP",
  "STOPALL",
  "STOP ALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "OPTOUT",
  "REVOKE",
]);
const START = new Set(["START", "UNSTOP", "YES"]);

export async function isOptedOut(tx: Tx, phone: string): Promise<boolean> {
  const [row] = await tx
    .select({ phone: smsOptOuts.phone })
    .from(smsOptOuts)
    .where(eq(smsOptOuts.phone, phone));
  return Boolean(row);
}

/** Applies an inbound reply: STOP records the opt-out, START lifts it; anything else changes nothing. */
export async function applyInboundReply(
  from: string,
  body: string,
): Promise<"opted-out" | "opted-in" | "ignored"> {
  const phone = toE164(from);
  const word = body.trim().toUpperCase().replace(/\s+/g, " ");
  if (!phone) return "ignored";
  if (STOP.has(word)) {
    await withSystem("sms: record an opt-out replied to the sending number (Twilio webhook)", (tx) =>
      tx.insert(smsOptOuts).values({ phone }).onConflictDoNothing(),
    );
    return "opted-out";
  }
  if (START.has(word)) {
    await withSystem("sms: lift an opt-out on a START reply (Twilio webhook)", (tx) =>
      tx.delete(smsOptOuts).where(eq(smsOptOuts.phone, phone)),
    );
    return "opted-in";
  }
  return "ignored";
}
