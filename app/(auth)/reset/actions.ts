"use server";
import { redirect } from "next/navigation";
import { ResetPasswordInput, ResetRequestInput, requestPasswordReset, resetPassword } from "@/lib/auth";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const request = defineAction(ResetRequestInput, async (input) => {
  await requestPasswordReset(input, { ip: (await requestDevice()).ip });
  return null;
});

// No session comes of a reset: the login page (and its second factor, if any) is next.
const reset = defineAction(ResetPasswordInput, async (input) => {
  await resetPassword(input, { ip: (await requestDevice()).ip });
  redirect("/login?reason=password-reset");
});

export async function requestResetAction(raw: unknown) {
  return request(raw);
}

export async function resetPasswordAction(raw: unknown) {
  return reset(raw);
}
