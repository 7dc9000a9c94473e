"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { TokenString } from "@/lib/auth";
import { Unauthenticated } from "@/lib/errors";
import { acceptInvitation, NewMemberInput } from "@/lib/tenants";
import { defineAction } from "../../_lib/action";
import { currentSession, requestDevice } from "../../_lib/session";

// Accepting never signs anyone in: a new member logs in next (with MFA, if their practice asks for it).
const acceptNew = defineAction(
  NewMemberInput.extend({ token: TokenString }),
  async ({ token, ...person }) => {
    await acceptInvitation(token, { kind: "new", ...person }, { ip: (await requestDevice()).ip });
    redirect("/login?reason=invitation-accepted");
  },
);

const acceptExisting = defineAction(z.object({ token: TokenString }), async ({ token }) => {
  const context = await currentSession();
  if (!context) throw new Unauthenticated("Log in first, then open the link from the email again.");
  await acceptInvitation(
    token,
    { kind: "existing", userId: context.user.id },
    { ip: (await requestDevice()).ip },
  );
  return null;
});

export async function acceptAsNewMemberAction(raw: unknown) {
  return acceptNew(raw);
}

export async function acceptAsExistingMemberAction(raw: unknown) {
  return acceptExisting(raw);
}
