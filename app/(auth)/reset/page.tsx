import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RequestResetForm } from "./request-reset-form";
import { ResetPasswordForm } from "./reset-password-form";

// With a token in the URL: never send it on as a Referer.
export const metadata: Metadata = { title: "Reset your password", referrer: "no-referrer" };

export default async function ResetPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const withToken = typeof token === "string";
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>{withToken ? "Choose a new password" : "Forgot your password?"}</CardTitle>
          <CardDescription>
            {withToken ? (
              "Every device signed in to your account will be signed out. Then log in with the new password."
            ) : (
              <>
                Enter your email and we will send you a link.{" "}
                <Link className="underline" href="/login">
                  Back to log in
                </Link>
              </>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>{withToken ? <ResetPasswordForm token={token} /> : <RequestResetForm />}</CardContent>
      </Card>
    </main>
  );
}
