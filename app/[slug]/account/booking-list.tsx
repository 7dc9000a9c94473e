import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { PortalBooking } from "@/lib/customers";
import { CancelDialog } from "./cancel-dialog";
import { formatMoney, formatWhen } from "./format";
import { RescheduleDialog } from "./reschedule-dialog";

const STATUS: Record<PortalBooking["status"], { label: string; variant: BadgeProps["variant"] }> = {
  pending: { label: "Awaiting confirmation", variant: "secondary" },
  confirmed: { label: "Confirmed", variant: "success" },
  cancelled: { label: "Cancelled", variant: "destructive" },
  completed: { label: "Completed", variant: "outline" },
  no_show: { label: "Missed", variant: "outline" },
  expired: { label: "Expired", variant: "outline" },
};

type Props = {
  slug: string;
  timeZone: string;
  bookings: PortalBooking[];
  empty: string;
  withActions?: boolean;
};

export function BookingList({ slug, timeZone, bookings, empty, withActions = false }: Props) {
  if (!bookings.length) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="flex flex-col divide-y divide-border">
      {bookings.map((b) => {
        const when = formatWhen(b.start, timeZone);
        const status = STATUS[b.status];
        return (
          <li key={b.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium">{b.serviceName}</p>
              <Badge variant={status.variant}>{status.label}</Badge>
            </div>
            <p className="text-sm">
              <time dateTime={b.start.toISOString()}>{when}</time>
              <span className="text-muted-foreground"> · {formatMoney(b.priceCents, b.currency)}</span>
            </p>
            {b.cancelReason && b.status === "cancelled" ? (
              <p className="text-sm text-muted-foreground">Reason: {b.cancelReason}</p>
            ) : null}
            {withActions ? <Changes slug={slug} timeZone={timeZone} booking={b} when={when} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Changes({
  slug,
  timeZone,
  booking,
  when,
}: {
  slug: string;
  timeZone: string;
  booking: PortalBooking;
  when: string;
}) {
  if (!booking.changeableUntil) {
    return (
      <p className="text-sm text-muted-foreground">
        This booking can't be changed online. Please contact the practice.
      </p>
    );
  }
  const summary = `${booking.serviceName}, ${when}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <RescheduleDialog
        slug={slug}
        bookingId={booking.id}
        start={booking.start.toISOString()}
        timeZone={timeZone}
        summary={summary}
      />
      <CancelDialog slug={slug} bookingId={booking.id} summary={summary} />
      <span className="text-xs text-muted-foreground">
        Changes online until {formatWhen(booking.changeableUntil, timeZone)}
      </span>
    </div>
  );
}
