import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { resolveMfaChallenge, sessionCookieName } from "@/lib/auth";
import { MfaForm } from "./mfa-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** The second step of a login: only reachable with a live MFA challenge in the session cookie. */
export default async function MfaPage() {
  const challenge = await resolveMfaChallenge((await cookies()).get(sessionCookieName())?.value);
  if (!challenge) redirect("/login?reason=mfa-expired");
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Two-factor authentication</CardTitle>
          <CardDescription>
            Enter the code for <strong>{challenge.email}</strong>.{" "}
            <Link className="underline" href="/login">
              Use another account
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MfaForm />
        </CardContent>
      </Card>
    </main>
  );
}
