import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { verifyEmailAction } from "./actions";
import { ConfirmLink } from "./confirm-link";

// The URL carries a token: never send it on as a Referer.
export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Confirm your email address</CardTitle>
          <CardDescription>
            This tells us the address is yours, so you can publish your booking page.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {typeof token === "string" ? (
            <ConfirmLink
              token={token}
              action={verifyEmailAction}
              label="Confirm my email address"
              done="Thank you: your email address is confirmed."
            />
          ) : (
            <Alert>Open this page from the link in the email we sent you.</Alert>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
