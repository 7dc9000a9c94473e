"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BookingDialog } from "./booking-dialog";

/** "Details" in a bookings table row: opens the same dialog as the calendar. */
export function BookingDetailsButton({
  bookingId,
  label,
  timeZone,
  staff,
}: {
  bookingId: string;
  label: string;
  timeZone: string;
  staff: { id: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        Details<span className="sr-only"> of {label}</span>
      </Button>
      <BookingDialog
        bookingId={open ? bookingId : null}
        onClose={() => setOpen(false)}
        timeZone={timeZone}
        staff={staff}
      />
    </>
  );
}
