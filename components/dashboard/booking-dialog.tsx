"use client";
import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/catalogue/fields";
import { type BookingView, useDeskActions } from "./desk-actions";
import { formatDateTime, formatTime } from "./format";
import { RescheduleForm } from "./reschedule-form";
import { StatusBadge } from "./status-badge";

type Props = {
  bookingId: string | null;
  onClose: () => void;
  timeZone: string;
  staff: { id: string; name: string }[];
};

const ACTION_LABELS: Record<string, string> = {
  confirm: "Confirm",
  decline: "Decline",
  complete: "Mark completed",
  no_show: "Mark no-show",
};

function who(actor: string): string {
  if (actor.startsWith("staff:")) return "the team";
  if (actor === "customer") return "the customer";
  return actor;
}

/** A booking's details and what the desk can do with it; loads on open, closes after a change. */
export function BookingDialog({ bookingId, onClose, timeZone, staff }: Props) {
  const { bookingDetail } = useDeskActions();
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<"view" | "cancel" | "reschedule">("view");

  useEffect(() => {
    setBooking(null);
    setError(null);
    setMode("view");
    if (!bookingId) return;
    let live = true;
    bookingDetail({ id: bookingId }).then((result) => {
      if (!live) return;
      if (result.ok) setBooking(result.data);
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [bookingId, bookingDetail]);

  const finished = (title: string) => {
    toast({ title, variant: "success" });
    onClose();
  };

  return (
    <Dialog open={bookingId !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{booking ? booking.serviceName : "Booking"}</DialogTitle>
          <DialogDescription>
            {booking
              ? `${formatDateTime(booking.start, timeZone)}–${formatTime(booking.end, timeZone)} with ${booking.staffName}`
              : error
                ? "This booking could not be loaded."
                : "Loading…"}
          </DialogDescription>
        </DialogHeader>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        {booking && mode === "view" ? <Details booking={booking} timeZone={timeZone} /> : null}
        {booking && mode === "view" ? (
          <Actions
            booking={booking}
            onDone={finished}
            onCancel={() => setMode("cancel")}
            onReschedule={() => setMode("reschedule")}
          />
        ) : null}
        {booking && mode === "cancel" ? (
          <CancelForm
            bookingId={booking.id}
            onBack={() => setMode("view")}
            onDone={() => finished("Booking cancelled")}
          />
        ) : null}
        {booking && mode === "reschedule" ? (
          <RescheduleForm
            booking={booking}
            timeZone={timeZone}
            staff={staff}
            onBack={() => setMode("view")}
            onDone={() => finished("Booking moved")}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function Details({ booking, timeZone }: { booking: BookingView; timeZone: string }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={booking.status} hold={booking.isHold} />
        {booking.isHold && booking.holdExpiresAt ? (
          <span className="text-muted-foreground">
            held until {formatTime(booking.holdExpiresAt, timeZone)}
          </span>
        ) : null}
        <span className="text-muted-foreground">· {formatMoney(booking.priceCents, booking.currency)}</span>
        <span className="text-muted-foreground">· booked via {booking.source}</span>
      </div>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">Customer</dt>
        <dd>
          <Link
            className="underline-offset-4 hover:underline"
            href={`/dashboard/customers/${booking.customer.id}`}
          >
            {booking.customer.name}
          </Link>
        </dd>
        <dt className="text-muted-foreground">Email</dt>
        <dd className="break-all">{booking.customer.email}</dd>
        {booking.customer.phone ? (
          <>
            <dt className="text-muted-foreground">Phone</dt>
            <dd>{booking.customer.phone}</dd>
          </>
        ) : null}
        {booking.notes ? (
          <>
            <dt className="text-muted-foreground">Notes</dt>
            <dd className="whitespace-pre-wrap">{booking.notes}</dd>
          </>
        ) : null}
        {booking.cancelReason ? (
          <>
            <dt className="text-muted-foreground">Cancelled</dt>
            <dd>{booking.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <details>
        <summary className="cursor-pointer text-muted-foreground">History</summary>
        <ol className="mt-2 flex flex-col gap-1">
          {booking.events.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, timeZone)} — {e.action.replace("_", "-")} by {who(e.actor)}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

function Actions({
  booking,
  onDone,
  onCancel,
  onReschedule,
}: {
  booking: BookingView;
  onDone: (title: string) => void;
  onCancel: () => void;
  onReschedule: () => void;
}) {
  const { changeStatus } = useDeskActions();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const active = booking.status === "pending" || booking.status === "confirmed";
  const started = new Date(booking.start).getTime() <= Date.now();
  const statusActions =
    booking.status === "pending"
      ? ["confirm", "decline"]
      : booking.status === "confirmed" && started
        ? ["complete", "no_show"]
        : [];
  const run = (action: string) =>
    start(async () => {
      setError(null);
      const result = await changeStatus({ bookingId: booking.id, action });
      if (result.ok) onDone(`${ACTION_LABELS[action]}: done`);
      else setError(result.message);
    });
  if (!active && !statusActions.length) return null;
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {statusActions.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={a === "decline" || a === "no_show" ? "outline" : "default"}
            disabled={pending}
            onClick={() => run(a)}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
        {active ? (
          <>
            <Button size="sm" variant="outline" disabled={pending} onClick={onReschedule}>
              Reschedule
            </Button>
            <Button size="sm" variant="destructive" disabled={pending} onClick={onCancel}>
              Cancel booking
            </Button>
          </>
        ) : null}
      </div>
      {booking.status === "confirmed" && !started ? (
        <p className="text-xs text-muted-foreground">
          Completed and no-show can be marked once it has started.
        </p>
      ) : null}
    </div>
  );
}

function CancelForm({
  bookingId,
  onBack,
  onDone,
}: {
  bookingId: string;
  onBack: () => void;
  onDone: () => void;
}) {
  const { cancelBooking } = useDeskActions();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await cancelBooking({ bookingId, reason });
          if (result.ok) onDone();
          else setError(result.fieldErrors.reason ?? result.message);
        });
      }}
    >
      <FormField label="Why is it cancelled?" htmlFor="cancel-reason" error={error ?? undefined}>
        <Textarea
          id="cancel-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...fieldAria("cancel-reason", error ?? undefined)}
        />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" variant="destructive" size="sm" disabled={pending}>
          Cancel booking
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onBack}>
          Back
        </Button>
      </div>
    </form>
  );
}
