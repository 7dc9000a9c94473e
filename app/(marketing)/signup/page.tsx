import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currencyOptions, timeZoneOptions } from "@/lib/tenants/fields";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create your practice" };

export default function SignUpPage() {
  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <Card>
        <CardHeader>
          <CardTitle>Create your practice</CardTitle>
          <CardDescription>
            Your booking page, calendar and team in one place. Already have an account?{" "}
            <Link className="underline" href="/login">
              Log in
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SignUpForm timeZones={timeZoneOptions()} currencies={currencyOptions()} />
        </CardContent>
      </Card>
    </main>
  );
}
