"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CreatedBooking } from "./api";
import { BookingSummary } from "./booking-summary";

export function manageHref(slug: string, booking: Pick<CreatedBooking, "id" | "manage_token">): string {
  return `/${encodeURIComponent(slug)}/manage/${encodeURIComponent(booking.id)}?token=${encodeURIComponent(booking.manage_token)}`;
}

/** The booking as made, and the private link to change or cancel it. */
export function Confirmation({
  slug,
  booking,
  serviceName,
  staffName,
  practiceZone,
  onBookAnother,
}: {
  slug: string;
  booking: CreatedBooking;
  serviceName: string;
  staffName: string | null;
  practiceZone: string;
  onBookAnother: () => void;
}) {
  const href = manageHref(slug, booking);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(href, window.location.origin).toString());
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure context): the link stays visible to copy by hand.
      setCopied(false);
    }
  };

  return (
    <div className="flex flex-col gap-5">
      {booking.status === "pending" ? (
        <Alert>
          Your request is in. The practice confirms this kind of booking by hand; the time is held for you
          meanwhile.
        </Alert>
      ) : (
        <Alert variant="success">Your booking is confirmed.</Alert>
      )}
      <BookingSummary
        serviceName={serviceName}
        staffName={staffName}
        start={booking.start}
        practiceZone={practiceZone}
        priceCents={booking.price_cents}
        currency={booking.currency}
      />
      <section aria-labelledby="manage-heading" className="flex flex-col gap-2 rounded-md border p-4">
        <h3 id="manage-heading" className="text-sm font-semibold">
          Need to change or cancel?
        </h3>
        <p className="text-sm">
          Use this link to reschedule or cancel. <strong>Keep it private</strong>: anyone who has it can
          change your booking.
        </p>
        <a href={href} className="break-all text-sm font-medium text-primary underline underline-offset-4">
          Manage your booking
        </a>
        <div className="flex items-center gap-3">
          <Button variant="outline" size="sm" onClick={copy}>
            Copy link
          </Button>
          <span role="status" className="text-xs text-muted-foreground">
            {copied ? "Link copied" : ""}
          </span>
        </div>
      </section>
      <Button variant="ghost" className="self-start" onClick={onBookAnother}>
        Book another appointment
      </Button>
    </div>
  );
}
