"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import {
  deviceCookieName,
  deviceCookieOptions,
  LoginInput,
  logIn,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const run = defineAction(LoginInput, async (input) => {
  const jar = await cookies();
  const deviceToken = jar.get(deviceCookieName())?.value;
  const session = await logIn(input, await requestDevice(), { deviceToken });
  // With MFA on, the cookie holds only the challenge (10 minutes); /mfa turns it into a session.
  jar.set(sessionCookieName(), session.token, sessionCookieOptions(session.expiresAt));
  if (session.deviceCookie) {
    const { token, expiresAt } = session.deviceCookie;
    jar.set(deviceCookieName(), token, deviceCookieOptions(expiresAt));
  }
  redirect(session.mfaPending ? "/mfa" : "/dashboard");
});

export async function logInAction(raw: unknown) {
  return run(raw);
}
