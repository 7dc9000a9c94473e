import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { TenantRecord } from "@/lib/catalogue";
import {
  type CustomerActor,
  customerCookieName,
  findPortalPractice,
  resolveCustomerSession,
} from "@/lib/customers";
import { NotFound, Unauthenticated } from "@/lib/errors";

/** The practice behind /{slug} (404 when it is not public) and the customer signed in there, if any. */
export const portalContext = cache(async (slug: string) => {
  const practice = await findPortalPractice(slug);
  if (!practice) notFound();
  const token = (await cookies()).get(customerCookieName())?.value;
  const session = await resolveCustomerSession(practice, token);
  return { practice, actor: session?.actor ?? null };
});

/** For server actions: the practice and its signed-in customer, or a typed error the form shows. */
export async function requireCustomer(
  slug: string,
): Promise<{ practice: TenantRecord; actor: CustomerActor }> {
  const practice = await findPortalPractice(slug);
  if (!practice) throw new NotFound("Practice not found");
  const token = (await cookies()).get(customerCookieName())?.value;
  const session = await resolveCustomerSession(practice, token);
  if (!session)
    throw new Unauthenticated("Your sign-in has ended. Please reload the page and sign in again.");
  return { practice, actor: session.actor };
}

export async function practiceOrThrow(slug: string): Promise<TenantRecord> {
  const practice = await findPortalPractice(slug);
  if (!practice) throw new NotFound("Practice not found");
  return practice;
}
