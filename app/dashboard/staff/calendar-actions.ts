"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  chooseCalendar,
  connectCalDav,
  issueFeed,
  removeConnection,
  revokeFeed,
  syncConnectionNow,
} from "@/lib/calendar-sync";
import { CalDavConnectFields, CalendarChoiceFields } from "@/lib/calendar-sync/fields";
import { ValidationFailed } from "@/lib/errors";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const done = (staffId: string | null) => {
  revalidatePath(staffId ? `/dashboard/staff/${staffId}` : "/dashboard/staff");
};

const issue = defineAction(
  z.object({ staffId: z.uuid().nullable(), hideDetails: z.boolean() }),
  async (input) => {
    const { actor } = await requireStaffMember();
    const feed = await issueFeed(actor, input);
    done(input.staffId);
    return { url: feed.url };
  },
);

const revoke = defineAction(z.object({ staffId: z.uuid().nullable(), feedId: z.uuid() }), async (input) => {
  const { actor } = await requireStaffMember();
  await revokeFeed(actor, input.feedId);
  done(input.staffId);
  return null;
});

const connect = defineAction(CalDavConnectFields, async (input) => {
  const { actor } = await requireStaffMember();
  await connectCalDav(actor, input);
  done(input.staffId);
  return null;
});

const choose = defineAction(
  CalendarChoiceFields.extend({ staffId: z.uuid() }),
  async ({ staffId, ...input }) => {
    const { actor } = await requireStaffMember();
    await chooseCalendar(actor, input);
    done(staffId);
    return null;
  },
);

const ConnectionRef = z.object({ staffId: z.uuid(), connectionId: z.uuid() });
const syncNow = defineAction(ConnectionRef, async ({ staffId, connectionId }) => {
  const { actor } = await requireStaffMember();
  const failed = (await syncConnectionNow(actor, connectionId)).find((r) => r.error);
  done(staffId);
  if (failed) throw new ValidationFailed(`Sync failed: ${failed.error}`, []);
  return null;
});

const disconnect = defineAction(ConnectionRef, async ({ staffId, connectionId }) => {
  const { actor } = await requireStaffMember();
  await removeConnection(actor, connectionId);
  done(staffId);
  return null;
});

export async function connectCalDavAction(raw: unknown) {
  return connect(raw);
}
export async function chooseCalendarAction(raw: unknown) {
  return choose(raw);
}
export async function syncConnectionAction(raw: unknown) {
  return syncNow(raw);
}
export async function disconnectCalendarAction(raw: unknown) {
  return disconnect(raw);
}
export async function issueFeedAction(raw: unknown) {
  return issue(raw);
}
export async function revokeFeedAction(raw: unknown) {
  return revoke(raw);
}
