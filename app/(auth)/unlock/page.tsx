import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { UnlockForm } from "./unlock-form";

// The token is in the URL: never send it on as a Referer.
export const metadata: Metadata = { title: "Unlock your account", referrer: "no-referrer" };

export default async function UnlockPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Unlock your account</CardTitle>
          <CardDescription>
            Sign-ins were paused after many wrong attempts. Unlock to log in again straight away.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {typeof token === "string" ? (
            <UnlockForm token={token} />
          ) : (
            <Alert variant="destructive">
              This link is incomplete. Open the link from the email again, or{" "}
              <Link className="underline" href="/login">
                go to log in
              </Link>
              .
            </Alert>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
