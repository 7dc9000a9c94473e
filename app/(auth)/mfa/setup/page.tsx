import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentSession } from "../../../_lib/session";
import { EnrolMfa } from "../../../dashboard/security/enrol-mfa";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

/**
 * Where a member lands when their practice requires MFA for their role and it is not on yet. It lives
 * outside the dashboard (whose guard sends such members here), so it needs a signed-in session only.
 */
export default async function MfaSetupPage() {
  const context = await currentSession();
  if (!context) redirect("/login");
  if (!context.mfa.enrolmentRequired) redirect("/dashboard");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>Set up two-factor authentication</CardTitle>
          <CardDescription>
            Your practice requires two-factor authentication for your role. Set it up to continue to the
            dashboard.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EnrolMfa doneHref="/dashboard" />
        </CardContent>
      </Card>
    </main>
  );
}
