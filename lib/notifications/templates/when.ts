import { DateTime } from "luxon";

const FORMAT = "cccc d LLLL yyyy, HH:mm";

/**
 * An instant as the customer reads it: in their own zone when known, with the practice's local time
 * and zone stated too (always, so a customer travelling or booking for someone else is not misled).
 */
export function describeWhen(at: Date, practiceZone: string, customerZone: string | null): string {
  const practice = DateTime.fromJSDate(at, { zone: practiceZone });
  if (!customerZone || customerZone === practiceZone) {
    return `${practice.toFormat(FORMAT)} (${practiceZone} time)`;
  }
  const customer = DateTime.fromJSDate(at, { zone: customerZone });
  return `${customer.toFormat(FORMAT)} (${customerZone} time) — ${practice.toFormat("HH:mm")} at the practice (${practiceZone})`;
}
