"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { redeemUnlockToken } from "@/lib/auth";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";

const run = defineAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  await redeemUnlockToken(token, (await requestDevice()).ip);
  redirect("/login?reason=unlocked");
});

export async function unlockAction(raw: unknown) {
  return run(raw);
}
