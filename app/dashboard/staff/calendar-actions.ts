"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { issueFeed, revokeFeed } from "@/lib/calendar-sync";
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

export async function issueFeedAction(raw: unknown) {
  return issue(raw);
}
export async function revokeFeedAction(raw: unknown) {
  return revoke(raw);
}
