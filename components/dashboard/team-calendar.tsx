"use client";
import { useState } from "react";
import type { CalendarData } from "@/lib/bookings";
import { BookingDialog } from "./booking-dialog";
import { DayGrid } from "./calendar-day-grid";
import { WeekGrid } from "./calendar-week-grid";
import { type SlotChoice, SlotDialog } from "./slot-dialog";

/** The interactive part of the calendar: the grid, and the booking and empty-slot dialogs. */
export function TeamCalendar({ data, view }: { data: CalendarData; view: "day" | "week" }) {
  const [bookingId, setBookingId] = useState<string | null>(null);
  const [slot, setSlot] = useState<SlotChoice | null>(null);
  const staff = data.staff.map((s) => ({ id: s.id, name: s.name }));
  if (!data.staff.length) {
    return (
      <p className="text-sm text-muted-foreground">
        {data.canManage
          ? "No active staff yet. Add staff and their working hours to fill the calendar."
          : "Your login is not linked to a staff member yet; ask the practice owner to link it."}
      </p>
    );
  }
  return (
    <>
      {view === "day" ? (
        <DayGrid data={data} onBooking={setBookingId} onSlot={setSlot} />
      ) : (
        <WeekGrid data={data} onBooking={setBookingId} onSlot={setSlot} />
      )}
      <BookingDialog
        bookingId={bookingId}
        onClose={() => setBookingId(null)}
        timeZone={data.timeZone}
        staff={staff}
      />
      <SlotDialog
        slot={slot}
        services={data.services}
        timeZone={data.timeZone}
        onClose={() => setSlot(null)}
      />
    </>
  );
}
