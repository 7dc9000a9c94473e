"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import {
  CancelFields,
  cancelOwnBooking,
  customerCookieName,
  customerCookieOptions,
  endCustomerSession,
  findPortalPractice,
  ProfileFields,
  RescheduleFields,
  requestSignInCode,
  rescheduleOwnBooking,
  rescheduleSlots,
  SignInCodeFields,
  SignInEmailFields,
  SlotsFields,
  updateCustomerProfile,
  verifySignInCode,
} from "@/lib/customers";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";
import { practiceOrThrow, requireCustomer } from "./portal-session";

const slugField = { slug: z.string().min(1).max(40) };
const Slug = z.object(slugField);
const accountPath = (slug: string) => `/${slug}/account`;

const requestCode = defineAction(SignInEmailFields.extend(slugField), async ({ slug, ...input }) => {
  const practice = await practiceOrThrow(slug);
  const { mail } = await requestSignInCode(practice, input, { ip: (await requestDevice()).ip });
  // Hand the mail over after the response, so its timing cannot tell a known address from an unknown one.
  after(() => mail);
  return null;
});

const verifyCode = defineAction(SignInCodeFields.extend(slugField), async ({ slug, ...input }) => {
  const practice = await practiceOrThrow(slug);
  const session = await verifySignInCode(practice, input, { ip: (await requestDevice()).ip });
  (await cookies()).set(customerCookieName(), session.token, customerCookieOptions(slug, session.expiresAt));
  redirect(accountPath(slug));
});

const signOut = defineAction(Slug, async ({ slug }) => {
  const jar = await cookies();
  const practice = await findPortalPractice(slug);
  if (practice) await endCustomerSession(practice, jar.get(customerCookieName())?.value);
  jar.delete({ name: customerCookieName(), path: `/${slug}` });
  redirect(accountPath(slug));
});

const updateProfile = defineAction(ProfileFields.extend(slugField), async ({ slug, ...input }) => {
  const { practice, actor } = await requireCustomer(slug);
  await updateCustomerProfile(practice, actor, input);
  revalidatePath(accountPath(slug));
  return null;
});

const cancel = defineAction(CancelFields.extend(slugField), async ({ slug, ...input }) => {
  const { practice, actor } = await requireCustomer(slug);
  await cancelOwnBooking(practice, actor, input);
  revalidatePath(accountPath(slug));
  return null;
});

const slots = defineAction(SlotsFields.extend(slugField), async ({ slug, ...input }) => {
  const { practice, actor } = await requireCustomer(slug);
  return rescheduleSlots(practice, actor, input);
});

const reschedule = defineAction(RescheduleFields.extend(slugField), async ({ slug, ...input }) => {
  const { practice, actor } = await requireCustomer(slug);
  await rescheduleOwnBooking(practice, actor, input);
  revalidatePath(accountPath(slug));
  return null;
});

export async function requestCodeAction(raw: unknown) {
  return requestCode(raw);
}
export async function verifyCodeAction(raw: unknown) {
  return verifyCode(raw);
}
/** Bound to the slug in a plain <form action>, so signing out works before JavaScript loads. */
export async function signOutAction(slug: string): Promise<void> {
  await signOut({ slug });
}
export async function updateProfileAction(raw: unknown) {
  return updateProfile(raw);
}
export async function cancelBookingAction(raw: unknown) {
  return cancel(raw);
}
export async function rescheduleSlotsAction(raw: unknown) {
  return slots(raw);
}
export async function rescheduleBookingAction(raw: unknown) {
  return reschedule(raw);
}
