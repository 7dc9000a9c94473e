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
          <LoginForm />
        </CardContent>
      </Card>
    </main>
  );
}
