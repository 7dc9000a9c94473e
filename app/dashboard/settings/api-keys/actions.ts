"use server";
import { DateTime } from "luxon";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey, rollApiKey } from "@/lib/api-keys";
import { ApiKeyForm } from "@/lib/api-keys/fields";
import { defineAction } from "../../../_lib/action";
import { currentPractice, requireStaffMember } from "../../../_lib/session";

const PAGE = "/dashboard/settings/api-keys";

const create = defineAction(ApiKeyForm, async (input) => {
  const { actor } = await requireStaffMember();
  const { timeZone } = await currentPractice();
  // A key set to expire on a day works until that day ends in the practice's time zone.
  const expiresAt = input.expiresOn
    ? DateTime.fromISO(input.expiresOn, { zone: timeZone }).endOf("day").toJSDate()
    : undefined;
  const { key, secret } = await createApiKey(actor, { ...input, expiresAt });
  revalidatePath(PAGE);
  return { id: key.id, name: key.name, secret };
});

const revoke = defineAction(z.object({ id: z.uuid() }), async ({ id }) => {
  const { actor } = await requireStaffMember();
  await revokeApiKey(actor, id);
  revalidatePath(PAGE);
  return null;
});

const roll = defineAction(z.object({ id: z.uuid(), graceHours: z.number() }), async ({ id, graceHours }) => {
  const { actor } = await requireStaffMember();
  const { key, secret } = await rollApiKey(actor, id, { graceHours });
  revalidatePath(PAGE);
  return { id: key.id, name: key.name, secret };
});

export async function createApiKeyAction(raw: unknown) {
  return create(raw);
}
export async function revokeApiKeyAction(raw: unknown) {
  return revoke(raw);
}
export async function rollApiKeyAction(raw: unknown) {
  return roll(raw);
}
