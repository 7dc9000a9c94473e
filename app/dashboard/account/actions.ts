"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  ChangeEmailInput,
  ChangePasswordInput,
  changePassword,
  publishBookingPage,
  requestEmailChange,
  resendVerificationEmail,
  unpublishBookingPage,
} from "@/lib/auth";
import { Unauthenticated } from "@/lib/errors";
import { defineAction } from "../../_lib/action";
import { currentSession, requestDevice, requireStaffMember } from "../../_lib/session";

async function signedIn() {
  const context = await currentSession();
  if (!context) throw new Unauthenticated("Your session has ended. Log in again.");
  return context;
}

const password = defineAction(ChangePasswordInput, async (input) => {
  const { user, session } = await signedIn();
  const { ip } = await requestDevice();
  await changePassword(user.id, input, { sessionId: session.id, ip });
  revalidatePath("/dashboard/account");
  return null;
});

const email = defineAction(ChangeEmailInput, async (input) => {
  const { user } = await signedIn();
  await requestEmailChange(user.id, input, { ip: (await requestDevice()).ip });
  return { sentTo: input.newEmail };
});

const resend = defineAction(z.object({}), async () => {
  const { user } = await signedIn();
  await resendVerificationEmail(user.id);
  return null;
});

const publish = defineAction(z.object({ publish: z.boolean() }), async (input) => {
  const { actor } = await requireStaffMember();
  const { ip } = await requestDevice();
  if (input.publish) await publishBookingPage(actor, { ip });
  else await unpublishBookingPage(actor, { ip });
  revalidatePath("/dashboard", "layout");
  return null;
});

export async function changePasswordAction(raw: unknown) {
  return password(raw);
}

export async function changeEmailAction(raw: unknown) {
  return email(raw);
}

export async function resendVerificationAction() {
  return resend({});
}

export async function setPublishedAction(publishPage: boolean) {
  return publish({ publish: publishPage });
}
