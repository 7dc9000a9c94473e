import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Log in to Boka</CardTitle>
          <CardDescription>
            New here?{" "}
            <Link className="underline" href="/signup">
              Create your practice
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {reason === "no-practice" && (
            <Alert>This account is not a member of a practice's team, so it has no dashboard.</Alert>
          )}
          {reason === "unlocked" && (
            <Alert>
              Your account is unlocked: you can log in now. If those attempts were not yours,{" "}
              <Link className="underline" href="/reset">
                choose a new password
              </Link>
              .
            </Alert>
          )}
          {reason === "password-reset" && <Alert>Your password was changed. Log in with the new one.</Alert>}
          {reason === "invitation-accepted" && (
            <Alert>Invitation accepted. Log in to open the practice's dashboard.</Alert>
          )}
          {reason === "mfa-expired" && (
            <Alert>That sign-in took too long or has ended. Please log in again.</Alert>
          )}
          <LoginForm />
          <Link className="text-sm underline" href="/reset">
            Forgot your password?
          </Link>
        </CardContent>
      </Card>
    </main>
  );
}
