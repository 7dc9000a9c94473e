"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Slot } from "./api";
import { addDays, datesFrom, dayLabel, formatTime, groupByLocalDate, localDateOf, zoneName } from "./dates";
import { useAvailability } from "./use-availability";
import { useBrowserTimeZone } from "./use-browser";

/** How far ahead the strip goes, and how many empty weeks it skips on its own before waiting for the customer. */
const WEEKS_AHEAD = 8;
const AUTO_SKIP_WEEKS = 4;

export type SlotPickerProps = {
  slug: string;
  serviceId: string;
  staffId: string | null;
  practiceZone: string;
  /** Bump to refetch (e.g. after a conflict). */
  version: number;
  /** Group sessions show the places left on each time. */
  showSeats?: boolean;
  onPick: (slot: Slot) => void;
};

/** Day strip (a week at a time) and the free times of the chosen day, in the customer's time zone. */
export function SlotPicker({
  slug,
  serviceId,
  staffId,
  practiceZone,
  version,
  showSeats = false,
  onPick,
}: SlotPickerProps) {
  const timeZone = useBrowserTimeZone();
  const [week, setWeek] = useState(0);
  const [autoSkip, setAutoSkip] = useState(true);
  const [chosenDay, setChosenDay] = useState<string | null>(null);

  const today = timeZone ? localDateOf(Date.now(), timeZone) : null;
  const from = today ? addDays(today, week * 7) : null;
  const query = timeZone && from ? { slug, serviceId, staffId, from, to: addDays(from, 6), timeZone } : null;
  const availability = useAvailability(query, version);
  const slots = availability.status === "ready" ? availability.slots : [];
  const byDay = groupByLocalDate(slots, timeZone ?? practiceZone);
  const weekIsEmpty = availability.status === "ready" && slots.length === 0;

  // An empty first week (e.g. fully booked, or a weekend) moves on by itself a few times.
  useEffect(() => {
    if (weekIsEmpty && autoSkip && week < AUTO_SKIP_WEEKS) setWeek((w) => w + 1);
  }, [weekIsEmpty, autoSkip, week]);

  if (!timeZone || !from) return <p className="text-sm text-muted-foreground">Loading the calendar…</p>;

  const days = datesFrom(from, 7);
  const activeDay =
    chosenDay && byDay.get(chosenDay)?.length ? chosenDay : (days.find((d) => byDay.get(d)?.length) ?? null);
  const daySlots = activeDay ? (byDay.get(activeDay) ?? []) : [];
  const showPracticeTime = timeZone !== practiceZone;
  const moveWeek = (delta: number) => {
    setAutoSkip(false);
    setChosenDay(null);
    setWeek((w) => w + delta);
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground" data-testid="zone-note">
        Times are shown in your time zone, {zoneName(timeZone)}.
        {showPracticeTime ? ` The practice is in ${zoneName(practiceZone)}.` : ""}
      </p>

      <div className="flex items-center justify-between gap-2">
        <Button variant="outline" size="sm" onClick={() => moveWeek(-1)} disabled={week === 0}>
          <span aria-hidden="true">‹</span> Earlier
        </Button>
        <p className="text-sm font-medium" aria-live="polite">
          {dayLabel(days[0] ?? from).day} – {dayLabel(days[6] ?? from).day}
        </p>
        <Button variant="outline" size="sm" onClick={() => moveWeek(1)} disabled={week >= WEEKS_AHEAD - 1}>
          Later <span aria-hidden="true">›</span>
        </Button>
      </div>

      <ul className="grid grid-cols-7 gap-1" aria-label="Days">
        {days.map((date) => {
          const count = byDay.get(date)?.length ?? 0;
          const label = dayLabel(date);
          const ready = availability.status === "ready";
          return (
            <li key={date}>
              <button
                type="button"
                onClick={() => setChosenDay(date)}
                disabled={!ready || count === 0}
                aria-pressed={date === activeDay}
                aria-label={`${label.full}${ready ? `, ${count === 0 ? "no free times" : `${count} free times`}` : ""}`}
                data-date={date}
                className={cn(
                  "flex min-h-14 w-full flex-col items-center justify-center rounded-md border text-xs outline-none transition-colors",
                  "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2",
                  "disabled:cursor-not-allowed disabled:opacity-40",
                  date === activeDay
                    ? "border-primary bg-primary text-primary-foreground"
                    : "hover:bg-accent",
                )}
              >
                <span className="font-medium">{label.weekday}</span>
                <span>{label.day}</span>
              </button>
            </li>
          );
        })}
      </ul>

      {availability.status === "loading" && (
        <p role="status" className="text-sm text-muted-foreground">
          Finding free times…
        </p>
      )}
      {availability.status === "error" && (
        <Alert variant="destructive" className="flex flex-col items-start gap-2">
          {availability.message}
          <Button variant="outline" size="sm" onClick={availability.retry}>
            Try again
          </Button>
        </Alert>
      )}
      {weekIsEmpty && (
        <p role="status" className="text-sm">
          No free times this week. {week < WEEKS_AHEAD - 1 ? "Try later dates." : ""}
        </p>
      )}

      {activeDay && (
        <section aria-labelledby="times-heading" className="flex flex-col gap-2">
          <h3 id="times-heading" className="text-sm font-semibold">
            Times on {dayLabel(activeDay).full}
          </h3>
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
            {daySlots.map((slot) => (
              <li key={slot.start}>
                <button
                  type="button"
                  onClick={() => onPick(slot)}
                  data-start={slot.start}
                  data-testid="slot"
                  className="flex min-h-11 w-full flex-col items-center justify-center rounded-md border border-input px-2 py-1 text-sm font-medium outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
                >
                  {formatTime(slot.start, timeZone)}
                  {showPracticeTime && (
                    <span className="text-xs font-normal text-muted-foreground">
                      {formatTime(slot.start, practiceZone)} practice time
                    </span>
                  )}
                  {showSeats && (
                    <span className="text-xs font-normal text-muted-foreground">
                      {slot.seats_left === 1 ? "1 place left" : `${slot.seats_left} places left`}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
