import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { bookingPageStatus, can } from "@/lib/auth";
import { requireStaffMember } from "../../_lib/session";
import { ActionButton } from "./action-button";
import { resendVerificationAction, setPublishedAction } from "./actions";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { context, actor } = await requireStaffMember();
  const { user } = context;
  const page = can(actor.role, "settings.manage") ? await bookingPageStatus(actor) : null;
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <Card>
        <CardHeader>
          <CardTitle>Email address</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-2">
            {user.email}
            {user.emailVerified ? (
              <Badge variant="success">confirmed</Badge>
            ) : (
              <Badge variant="destructive">not confirmed</Badge>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {!user.emailVerified && (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              Open the link we emailed you to confirm this address.
              <ActionButton action={resendVerificationAction} done="Confirmation email sent">
                Send the link again
              </ActionButton>
            </div>
          )}
          <ChangeEmailForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs you out on every other device.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      {page && (
        <Card>
          <CardHeader>
            <CardTitle>Booking page</CardTitle>
            <CardDescription>
              {page.publishedAt
                ? "Your booking page is public: anyone with the link can book."
                : page.emailVerified
                  ? "Your booking page is not published yet: only your team sees the practice."
                  : "Confirm your email address to publish your booking page."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {page.publishedAt ? (
              <ActionButton
                action={setPublishedAction.bind(null, false)}
                done="Booking page taken offline"
                confirm={{
                  title: "Take the booking page offline?",
                  description: "Customers can no longer see or book your services. Existing bookings stay.",
                  action: "Take offline",
                }}
              >
                Unpublish booking page
              </ActionButton>
            ) : (
              <ActionButton
                action={setPublishedAction.bind(null, true)}
                done="Booking page published"
                variant="default"
              >
                Publish booking page
              </ActionButton>
            )}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
