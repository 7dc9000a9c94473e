"use client";
import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ApiError, type BookingStatus, describeError, type ManagedBooking, publicApi } from "./api";
import { BookingSummary } from "./booking-summary";
import { CancelPanel } from "./cancel-panel";
import { ReschedulePanel } from "./reschedule-panel";
import { useQueryParam } from "./use-browser";

export type ManageProps = {
  slug: string;
  bookingId: string;
  practiceName: string;
  practiceZone: string;
  services: Record<string, { name: string; capacity: number }>;
  staffNames: Record<string, string>;
};

type Loaded =
  | { status: "loading" }
  | { status: "invalid" }
  | { status: "error"; message: string }
  | { status: "ready"; booking: ManagedBooking };

const STATUS_LABEL: Record<BookingStatus, string> = {
  pending: "Awaiting confirmation",
  confirmed: "Confirmed",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "Missed",
  expired: "Expired",
};

/** The booking's calendar file (same UID as its emails' invites), authorised by the manage token. */
function calendarHref(slug: string, id: string, token: string): string {
  return `/${encodeURIComponent(slug)}/manage/${encodeURIComponent(id)}/calendar?token=${encodeURIComponent(token)}`;
}

/** The customer's view of one booking, authorized by the token in the link's query string. */
export function ManageBooking({
  slug,
  bookingId,
  practiceName,
  practiceZone,
  services,
  staffNames,
}: ManageProps) {
  const token = useQueryParam("token");
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [mode, setMode] = useState<"view" | "cancel" | "reschedule">("view");
  const [announcement, setAnnouncement] = useState("");

  const load = useCallback(
    (signal?: AbortSignal) => {
      if (token === undefined) return;
      if (!token) {
        setLoaded({ status: "invalid" });
        return;
      }
      setLoaded({ status: "loading" });
      publicApi
        .booking(bookingId, token, signal)
        // A real token for another practice's booking is not a link to this page.
        .then((booking) =>
          setLoaded(
            booking.practice && booking.practice.slug !== slug
              ? { status: "invalid" }
              : { status: "ready", booking },
          ),
        )
        .catch((error: unknown) => {
          if (signal?.aborted) return;
          // A wrong token is a 404 by contract; 401/403, or a 422 for a mangled id, mean the same to the customer.
          const invalid = error instanceof ApiError && [401, 403, 404, 422].includes(error.status);
          setLoaded(invalid ? { status: "invalid" } : { status: "error", message: describeError(error) });
        });
    },
    [bookingId, token, slug],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (loaded.status === "invalid") {
    return (
      <div className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">This link is not valid</h2>
        <p className="text-sm">
          Check that you opened the whole link from your confirmation. If it still does not work, contact{" "}
          {practiceName}.
        </p>
        <a href={`/${encodeURIComponent(slug)}`} className="text-sm font-medium text-primary underline">
          Book an appointment
        </a>
      </div>
    );
  }
  if (loaded.status === "error") {
    return (
      <Alert variant="destructive" className="flex flex-col items-start gap-2">
        {loaded.message}
        <Button variant="outline" size="sm" onClick={() => load()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (loaded.status === "loading" || !token) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        Loading your booking…
      </p>
    );
  }

  const booking = loaded.booking;
  const service = services[booking.service_id];
  const serviceName = booking.service_name ?? service?.name ?? "Your appointment";
  const staffName = booking.staff_name ?? staffNames[booking.staff_id] ?? null;
  const changeable =
    (booking.status === "pending" || booking.status === "confirmed") &&
    Date.parse(booking.start) > Date.now();
  const update = (next: ManagedBooking, message: string) => {
    // Keep the names from the first read if an action's answer carries only the published fields.
    setLoaded({ status: "ready", booking: { ...booking, ...next } });
    setMode("view");
    setAnnouncement(message);
  };

  return (
    <div className="flex flex-col gap-5">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-xl font-semibold">Your booking</h2>
        <Badge
          variant={booking.status === "cancelled" ? "destructive" : "secondary"}
          data-testid="booking-status"
        >
          {STATUS_LABEL[booking.status] ?? booking.status}
        </Badge>
      </div>
      {announcement && (
        // Read out by the live region above; this copy is for the eyes only.
        <Alert variant="success" role="none">
          {announcement}
        </Alert>
      )}
      <BookingSummary
        serviceName={serviceName}
        staffName={staffName}
        start={booking.start}
        practiceZone={practiceZone}
        priceCents={booking.price_cents}
        currency={booking.currency}
      />

      {booking.status !== "cancelled" && booking.status !== "expired" && (
        <p className="flex flex-wrap gap-3 text-sm">
          <span>Add to calendar:</span>
          <a className="underline" href={calendarHref(slug, booking.id, token)} download="booking.ics">
            Download .ics
          </a>
          <a
            className="underline"
            href={`${calendarHref(slug, booking.id, token)}&to=google`}
            rel="noreferrer"
          >
            Google Calendar
          </a>
        </p>
      )}
      {changeable && mode === "view" && (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => setMode("reschedule")}>
            Change time
          </Button>
          <Button variant="outline" onClick={() => setMode("cancel")}>
            Cancel booking
          </Button>
        </div>
      )}
      {changeable && mode === "cancel" && (
        <CancelPanel
          bookingId={booking.id}
          token={token}
          onCancelled={(next) => update(next, "Your booking is cancelled.")}
          onClose={() => setMode("view")}
        />
      )}
      {changeable && mode === "reschedule" && (
        <ReschedulePanel
          slug={slug}
          booking={booking}
          token={token}
          practiceZone={practiceZone}
          staffName={staffName}
          showSeats={(service?.capacity ?? 1) > 1}
          onMoved={(next) => update(next, "Your booking has moved to the new time.")}
          onClose={() => setMode("view")}
        />
      )}
      {!changeable && booking.status !== "cancelled" && (
        <p className="text-sm text-muted-foreground">
          This booking can no longer be changed online. Contact {practiceName} if you need help.
        </p>
      )}
      <a
        href={`/${encodeURIComponent(slug)}`}
        className="self-start text-sm font-medium text-primary underline"
      >
        Book another appointment
      </a>
    </div>
  );
}
