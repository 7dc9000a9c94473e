import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EnrolMfa } from "../../dashboard/security/enrol-mfa";
import { adminCheck } from "../_lib/guard";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

/** Platform admin actions need MFA on the admin's account; this is where they turn it on. */
export default async function AdminMfaPage() {
  const check = await adminCheck();
  if (check.status === "signed_out") redirect("/login");
  if (check.status === "not_admin") notFound();
  if (check.status === "ok") redirect("/admin");
  return (
    <Card className="mx-auto max-w-xl">
      <CardHeader>
        <CardTitle>Set up two-factor authentication</CardTitle>
        <CardDescription>
          Suspending practices, viewing a practice's bookings as support and platform reports need two-factor
          authentication on your account. Set it up to continue.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <EnrolMfa doneHref="/admin" />
      </CardContent>
    </Card>
  );
}
