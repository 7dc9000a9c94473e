"use server";
import { z } from "zod";
import { confirmEmailChange, TokenString, verifyEmail } from "@/lib/auth";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const TokenInput = z.object({ token: TokenString });

const verify = defineAction(TokenInput, async ({ token }) => {
  await verifyEmail(token, { ip: (await requestDevice()).ip });
  return null;
});

const confirmChange = defineAction(TokenInput, async ({ token }) => {
  return confirmEmailChange(token, { ip: (await requestDevice()).ip });
});

export async function verifyEmailAction(raw: unknown) {
  return verify(raw);
}

export async function confirmEmailChangeAction(raw: unknown) {
  return confirmChange(raw);
}
