"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { createSession, sessionCookieName, sessionCookieOptions } from "@/lib/auth";
import { SignUpInput, signUp } from "@/lib/tenants";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const run = defineAction(SignUpInput, async (input) => {
  const device = await requestDevice();
  const result = await signUp(input, device.ip);
  const session = await createSession(result.userId, result.tenantId, device);
  (await cookies()).set(sessionCookieName(), session.token, sessionCookieOptions(session.expiresAt));
  redirect("/dashboard");
});

export async function signUpAction(raw: unknown) {
  return run(raw);
}
