"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { SessionContext } from "@/lib/auth";
import {
  confirmMfaEnrolment,
  DisableMfaInput,
  disableMfa,
  MfaCodeInput,
  MfaPolicyInput,
  regenerateBackupCodes,
  revokeDeviceSession,
  revokeOtherDeviceSessions,
  setMfaPolicy,
  startMfaEnrolment,
} from "@/lib/auth";
import { defineAction } from "../../_lib/action";
import { currentSession, requestDevice, requireStaffMember } from "../../_lib/session";

/**
 * MFA and devices belong to the user, not the practice: these need a signed-in session only (so the
 * enrolment a practice requires works before anything else does). The MFA policy is the practice's.
 */
async function signedIn(): Promise<SessionContext> {
  const context = await currentSession();
  if (!context) redirect("/login");
  return context;
}

const userOf = (context: SessionContext) => ({ id: context.user.id, email: context.user.email });
const ip = async () => (await requestDevice()).ip;

const start = defineAction(z.object({}), async () => startMfaEnrolment(userOf(await signedIn())));

// No revalidation after these two: the page must keep showing the new backup codes until the user
// confirms they saved them (the client refreshes then).
const confirm = defineAction(MfaCodeInput, async ({ code }) =>
  confirmMfaEnrolment(userOf(await signedIn()), code, { ip: await ip() }),
);
const regenerate = defineAction(MfaCodeInput, async ({ code }) =>
  regenerateBackupCodes(userOf(await signedIn()), code, { ip: await ip() }),
);

const disable = defineAction(DisableMfaInput, async (input) => {
  await disableMfa(userOf(await signedIn()), input, { ip: await ip() });
  revalidatePath("/dashboard", "layout");
  return null;
});

const revokeOne = defineAction(z.object({ sessionId: z.string().max(64) }), async ({ sessionId }) => {
  await revokeDeviceSession((await signedIn()).session, sessionId, await ip());
  revalidatePath("/dashboard/security");
  return null;
});

const revokeOthers = defineAction(z.object({}), async () => {
  const count = await revokeOtherDeviceSessions((await signedIn()).session, await ip());
  revalidatePath("/dashboard/security");
  return count;
});

const policy = defineAction(MfaPolicyInput, async (input) => {
  const { actor } = await requireStaffMember();
  const roles = await setMfaPolicy(actor, input, await ip());
  revalidatePath("/dashboard", "layout");
  return roles;
});

export async function startEnrolmentAction(raw: unknown) {
  return start(raw);
}
export async function confirmEnrolmentAction(raw: unknown) {
  return confirm(raw);
}
export async function regenerateCodesAction(raw: unknown) {
  return regenerate(raw);
}
export async function disableMfaAction(raw: unknown) {
  return disable(raw);
}
export async function revokeSessionAction(raw: unknown) {
  return revokeOne(raw);
}
export async function revokeOtherSessionsAction(raw: unknown) {
  return revokeOthers(raw);
}
export async function updateMfaPolicyAction(raw: unknown) {
  return policy(raw);
}
