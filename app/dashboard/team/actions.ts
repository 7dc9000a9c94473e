"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  changeMemberRole,
  InviteInput,
  inviteMember,
  RoleChangeInput,
  removeMember,
  resendInvitation,
  revokeInvitation,
  transferOwnership,
} from "@/lib/tenants";
import { defineAction } from "../../_lib/action";
import { requestDevice, requireStaffMember } from "../../_lib/session";

/** The member acting, and their IP for the audit log. */
async function acting() {
  const { actor } = await requireStaffMember();
  return { actor, ip: (await requestDevice()).ip };
}

function done<T>(value: T): T {
  revalidatePath("/dashboard/team");
  return value;
}

const Id = z.object({ id: z.uuid() });

const invite = defineAction(InviteInput, async (input) => {
  const { actor, ip } = await acting();
  return done(await inviteMember(actor, input, { ip }));
});
const resend = defineAction(Id, async ({ id }) => {
  const { actor, ip } = await acting();
  return done(await resendInvitation(actor, id, { ip }));
});
const revoke = defineAction(Id, async ({ id }) => {
  const { actor, ip } = await acting();
  return done(await revokeInvitation(actor, id, { ip }));
});
const role = defineAction(RoleChangeInput, async (input) => {
  const { actor, ip } = await acting();
  return done(await changeMemberRole(actor, input, { ip }));
});
const remove = defineAction(Id, async ({ id }) => {
  const { actor, ip } = await acting();
  return done(await removeMember(actor, id, { ip }));
});
const transfer = defineAction(Id, async ({ id }) => {
  const { actor, ip } = await acting();
  // The new role shows on every page, so refresh the whole dashboard.
  revalidatePath("/dashboard", "layout");
  return done(await transferOwnership(actor, id, { ip }));
});

export async function inviteAction(raw: unknown) {
  return invite(raw);
}
export async function resendInvitationAction(id: string) {
  return resend({ id });
}
export async function revokeInvitationAction(id: string) {
  return revoke({ id });
}
export async function changeRoleAction(raw: unknown) {
  return role(raw);
}
export async function removeMemberAction(id: string) {
  return remove({ id });
}
export async function transferOwnershipAction(id: string) {
  return transfer({ id });
}
