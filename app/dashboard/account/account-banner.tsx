import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { SessionContext } from "@/lib/auth";
import { bookingPageStatus, can } from "@/lib/auth";
import type { MemberActor } from "../../_lib/session";
import { ActionButton } from "./action-button";
import { resendVerificationAction, setPublishedAction } from "./actions";

/**
 * Above every dashboard page: an unconfirmed address (the dashboard works, publishing waits), and for
 * owners an unpublished booking page.
 */
export async function AccountBanner({ context, actor }: { context: SessionContext; actor: MemberActor }) {
  const owner = can(actor.role, "settings.manage");
  if (!context.user.emailVerified) {
    return (
      <Alert className="mb-6 flex flex-wrap items-center gap-3" data-testid="unverified-banner">
        <span className="flex-1">
          Please confirm your email address: we sent a link to <strong>{context.user.email}</strong>.
          {owner && " Your booking page can be published once it is confirmed."}
        </span>
        <ActionButton action={resendVerificationAction} done="Confirmation email sent">
          Send the link again
        </ActionButton>
      </Alert>
    );
  }
  if (!owner || (await bookingPageStatus(actor)).publishedAt) return null;
  return (
    <Alert className="mb-6 flex flex-wrap items-center gap-3" data-testid="unpublished-banner">
      <span className="flex-1">
        Your booking page is not published yet. Publish it when your services and hours are ready, or{" "}
        <Link className="underline" href="/dashboard/account">
          decide later
        </Link>
        .
      </span>
      <ActionButton
        action={setPublishedAction.bind(null, true)}
        done="Booking page published"
        variant="default"
      >
        Publish booking page
      </ActionButton>
    </Alert>
  );
}
