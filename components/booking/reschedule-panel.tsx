"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError, describeError, type ManagedBooking, publicApi, type Slot } from "./api";
import { formatDateTime } from "./dates";
import { SlotPicker } from "./slot-picker";
import { useBrowserTimeZone } from "./use-browser";

/** Pick a new time for the same service and person; on a conflict the original booking stands. */
export function ReschedulePanel({
  slug,
  booking,
  token,
  practiceZone,
  staffName,
  showSeats,
  onMoved,
  onClose,
}: {
  slug: string;
  booking: ManagedBooking;
  token: string;
  practiceZone: string;
  staffName: string | null;
  showSeats: boolean;
  onMoved: (booking: ManagedBooking) => void;
  onClose: () => void;
}) {
  const timeZone = useBrowserTimeZone() ?? practiceZone;
  const [picked, setPicked] = useState<Slot | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const move = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      onMoved(
        await publicApi.reschedule(booking.id, token, { start: picked.start, staff_id: booking.staff_id }),
      );
    } catch (e) {
      const original = formatDateTime(booking.start, timeZone);
      setError(
        e instanceof ApiError && e.status === 409
          ? `${describeError(e)} Your booking on ${original} is unchanged.`
          : describeError(e),
      );
      if (e instanceof ApiError && e.slotUnavailable) {
        setPicked(null);
        setVersion((v) => v + 1);
      }
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="reschedule-heading" className="flex flex-col gap-4 rounded-md border p-4">
      <h3 id="reschedule-heading" className="font-semibold">
        Choose a new time{staffName ? ` with ${staffName}` : ""}
      </h3>
      {error && <Alert variant="destructive">{error}</Alert>}
      {picked ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm">
            Move your booking to <strong>{formatDateTime(picked.start, timeZone)}</strong>?
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={move} disabled={busy}>
              {busy ? "Moving…" : "Move booking"}
            </Button>
            <Button variant="outline" onClick={() => setPicked(null)} disabled={busy}>
              Pick another time
            </Button>
          </div>
        </div>
      ) : (
        <SlotPicker
          slug={slug}
          serviceId={booking.service_id}
          staffId={booking.staff_id}
          practiceZone={practiceZone}
          version={version}
          showSeats={showSeats}
          onPick={setPicked}
        />
      )}
      <Button variant="ghost" className="self-start" onClick={onClose} disabled={busy}>
        Keep the current time
      </Button>
    </section>
  );
}
