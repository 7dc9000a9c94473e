import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { confirmEmailChangeAction } from "../actions";
import { ConfirmLink } from "../confirm-link";

// The URL carries a token: never send it on as a Referer.
export const metadata: Metadata = { title: "Confirm your new email", referrer: "no-referrer" };

export default async function ConfirmEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Confirm your new email address</CardTitle>
          <CardDescription>Your Boka account will use this address from now on.</CardDescription>
        </CardHeader>
        <CardContent>
          {typeof token === "string" ? (
            <ConfirmLink
              token={token}
              action={confirmEmailChangeAction}
              label="Use this email address"
              done="Done: your account now uses this email address. Log in with it from now on."
            />
          ) : (
            <Alert>Open this page from the link in the email we sent to your new address.</Alert>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
