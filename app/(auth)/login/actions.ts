"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginInput, logIn, sessionCookieName, sessionCookieOptions } from "@/lib/auth";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const run = defineAction(LoginInput, async (input) => {
  const session = await logIn(input, await requestDevice());
  // With MFA on, the cookie holds only the challenge (10 minutes); /mfa turns it into a session.
  (await cookies()).set(sessionCookieName(), session.token, sessionCookieOptions(session.expiresAt));
  redirect(session.mfaPending ? "/mfa" : "/dashboard");
});

export async function logInAction(raw: unknown) {
  return run(raw);
}
