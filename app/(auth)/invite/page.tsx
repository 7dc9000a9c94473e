import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TokenString } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { describeInvitation, type InvitationView } from "@/lib/tenants";
import { currentSession, requestDevice } from "../../_lib/session";
import { ConfirmLink } from "../verify/confirm-link";
import { AcceptNewForm } from "./accept-new-form";
import { acceptAsExistingMemberAction } from "./actions";

// The URL carries a token: never send it on as a Referer.
export const metadata: Metadata = { title: "Join a practice", referrer: "no-referrer" };

const ROLE_WORDS = { manager: "a manager", staff: "a member of staff" } as const;

async function lookUp(token: unknown): Promise<InvitationView | string> {
  const parsed = TokenString.safeParse(token);
  if (!parsed.success) return "Open this page from the link in your invitation email.";
  try {
    return await describeInvitation(parsed.data, { ip: (await requestDevice()).ip });
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}

export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const invitation = await lookUp(token);
  if (typeof invitation === "string" || typeof token !== "string") {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <Alert variant="destructive">
          {typeof invitation === "string" ? invitation : "Open this page from your invitation email."} Ask the
          practice to send you a new invitation if you need one.
        </Alert>
      </main>
    );
  }
  const session = invitation.accountExists ? await currentSession() : null;
  const signedInAsInvitee = session?.user.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Join {invitation.practice}</CardTitle>
          <CardDescription>
            You are invited as {ROLE_WORDS[invitation.role]}, with the address {invitation.email}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {!invitation.accountExists ? (
            <AcceptNewForm token={token} email={invitation.email} />
          ) : signedInAsInvitee ? (
            <ConfirmLink
              token={token}
              action={acceptAsExistingMemberAction}
              label={`Join ${invitation.practice}`}
              done={`You are on the team of ${invitation.practice}.`}
            />
          ) : (
            <Alert>
              {invitation.email} already has a Boka account.{" "}
              <Link className="underline" href="/login">
                Log in as {invitation.email}
              </Link>
              , then open the link from the email again.
            </Alert>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
