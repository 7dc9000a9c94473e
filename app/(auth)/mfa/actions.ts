"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import {
  completeMfaChallenge,
  deviceCookieName,
  deviceCookieOptions,
  MfaChallengeInput,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth";
import { Unauthenticated } from "@/lib/errors";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const run = defineAction(MfaChallengeInput, async (input) => {
  const jar = await cookies();
  const challenge = jar.get(sessionCookieName())?.value ?? "";
  try {
    const deviceToken = jar.get(deviceCookieName())?.value;
    const session = await completeMfaChallenge(challenge, input.code, await requestDevice(), { deviceToken });
    // The token rotates: the challenge's token is dead, the cookie now carries the new session.
    jar.set(sessionCookieName(), session.token, sessionCookieOptions(session.expiresAt));
    const { token, expiresAt } = session.deviceCookie;
    jar.set(deviceCookieName(), token, deviceCookieOptions(expiresAt));
  } catch (error) {
    if (error instanceof Unauthenticated) redirect("/login?reason=mfa-expired");
    throw error;
  }
  redirect("/dashboard");
});

export async function completeMfaAction(raw: unknown) {
  return run(raw);
}
