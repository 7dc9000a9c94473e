"use client";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { CalendarData } from "@/lib/bookings";
import { formatLocalDate, minutesToTime } from "./format";
import type { SlotChoice } from "./slot-dialog";
import { statusLabel } from "./status-badge";

type Props = {
  data: CalendarData;
  onBooking: (id: string) => void;
  onSlot: (slot: SlotChoice) => void;
};

/** A week as an agenda: a row per day, a column per staff member, each cell listing that day's diary. */
export function WeekGrid({ data, onBooking, onSlot }: Props) {
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full min-w-max border-collapse text-sm">
        <thead>
          <tr className="border-b">
            <th scope="col" className="w-32 p-2 text-left font-medium text-muted-foreground">
              Day
            </th>
            {data.staff.map((s) => (
              <th key={s.id} scope="col" className="min-w-48 border-l p-2 text-left font-medium">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.days.map((day) => {
            const closure = data.closures.find((c) => c.day === day);
            return (
              <tr
                key={day}
                className={cn("border-b align-top last:border-b-0", day === data.today && "bg-accent/30")}
              >
                <th scope="row" className="p-2 text-left font-medium">
                  <Link
                    className="underline-offset-4 hover:underline"
                    href={`/dashboard/calendar?view=day&date=${day}`}
                  >
                    {formatLocalDate(day, "short")}
                  </Link>
                  {closure ? (
                    <span className="block text-xs font-normal text-muted-foreground">
                      Closed{closure.reason ? `: ${closure.reason}` : ""}
                    </span>
                  ) : null}
                </th>
                {data.staff.map((s) => {
                  const hours = s.hours.filter((h) => h.day === day);
                  const bookings = data.bookings
                    .map((b) => ({ b, seg: b.segments.find((g) => g.day === day) }))
                    .filter((x) => x.b.staffId === s.id && x.seg);
                  const offs = data.timeOff.filter(
                    (t) => t.staffId === s.id && t.segments.some((g) => g.day === day),
                  );
                  const firstFree = minutesToTime(Math.floor((hours[0]?.from ?? 9 * 60) / 15) * 15);
                  return (
                    <td key={s.id} className="border-l p-2">
                      <div className="flex flex-col gap-1">
                        <span className="text-xs text-muted-foreground">
                          {hours.length
                            ? hours.map((h) => `${minutesToTime(h.from)}–${minutesToTime(h.to)}`).join(", ")
                            : "Not working"}
                        </span>
                        {offs.map((t) => (
                          <span
                            key={t.id}
                            className="rounded border border-dashed px-1.5 py-0.5 text-xs text-muted-foreground"
                          >
                            Time off{t.reason ? `: ${t.reason}` : ""}
                          </span>
                        ))}
                        {bookings.map(({ b, seg }) => (
                          <button
                            key={b.id}
                            type="button"
                            onClick={() => onBooking(b.id)}
                            className={cn(
                              "rounded border px-1.5 py-1 text-left text-xs outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                              b.isHold
                                ? "border-dashed border-primary/60"
                                : b.status === "confirmed"
                                  ? "border-primary bg-primary/10"
                                  : "border-border",
                            )}
                          >
                            <span className="font-medium">{minutesToTime(seg?.from ?? 0)}</span>{" "}
                            {b.customerName}
                            <span className="block truncate text-muted-foreground">
                              {b.serviceName} · {b.isHold ? "Held" : statusLabel(b.status)}
                            </span>
                          </button>
                        ))}
                        <button
                          type="button"
                          className="self-start rounded px-1 text-xs text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                          onClick={() =>
                            onSlot({ staffId: s.id, staffName: s.name, date: day, time: firstFree })
                          }
                        >
                          + Book
                          <span className="sr-only">
                            {" "}
                            with {s.name} on {formatLocalDate(day)}
                          </span>
                        </button>
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
