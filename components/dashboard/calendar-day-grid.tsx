"use client";
import { cn } from "@/components/ui/cn";
import type { CalendarBooking, CalendarData, DaySegment } from "@/lib/bookings";
import { minutesToTime } from "./format";
import type { SlotChoice } from "./slot-dialog";
import { statusLabel } from "./status-badge";

const SLOT_MINUTES = 30;
/** One pixel per minute: an hour is 60px tall. */
const px = (minutes: number) => `${minutes}px`;

type Props = {
  data: CalendarData;
  onBooking: (id: string) => void;
  onSlot: (slot: SlotChoice) => void;
};

/** Hours shown: everyone's working hours and anything booked, at least 08:00–18:00. */
function visibleRange(data: CalendarData, day: string): { start: number; end: number } {
  const segments: DaySegment[] = [
    ...data.staff.flatMap((s) => s.hours),
    ...data.bookings.flatMap((b) => b.segments),
  ].filter((s) => s.day === day);
  const start = Math.min(8 * 60, ...segments.map((s) => s.from));
  const end = Math.max(18 * 60, ...segments.map((s) => s.to));
  return { start: Math.floor(start / 60) * 60, end: Math.min(1440, Math.ceil(end / 60) * 60) };
}

/** Seats of one group session share a block; everything else is one booking per block. */
function blocks(bookings: CalendarBooking[], day: string) {
  const groups = new Map<string, { seg: DaySegment; items: CalendarBooking[] }>();
  for (const b of bookings) {
    const seg = b.segments.find((s) => s.day === day);
    if (!seg) continue;
    const key = `${b.start}|${b.end}|${b.serviceName}`;
    const group = groups.get(key);
    if (group) group.items.push(b);
    else groups.set(key, { seg, items: [b] });
  }
  return [...groups.values()];
}

const tone = (b: CalendarBooking) =>
  b.isHold
    ? "border-dashed border-primary/60 bg-background"
    : b.status === "pending"
      ? "border-primary/60 bg-primary/10"
      : b.status === "confirmed"
        ? "border-primary bg-primary/15"
        : "border-border bg-muted text-muted-foreground";

export function DayGrid({ data, onBooking, onSlot }: Props) {
  const day = data.days[0] ?? data.today;
  const range = visibleRange(data, day);
  const height = range.end - range.start;
  const hours = Array.from({ length: height / 60 }, (_, i) => range.start + i * 60);
  const slots = Array.from({ length: height / SLOT_MINUTES }, (_, i) => range.start + i * SLOT_MINUTES);
  const closure = data.closures.find((c) => c.day === day);
  return (
    <div className="flex flex-col gap-2">
      {closure ? (
        <p className="rounded-md bg-muted p-2 text-sm">Closed{closure.reason ? `: ${closure.reason}` : ""}</p>
      ) : null}
      <div className="overflow-x-auto rounded-md border">
        <div className="flex min-w-max">
          <div className="sticky left-0 z-20 w-14 shrink-0 border-r bg-background">
            <div className="h-10 border-b" />
            <div className="relative" style={{ height: px(height) }}>
              {hours.map((h) => (
                <span
                  key={h}
                  className="absolute right-1 -translate-y-1/2 text-xs text-muted-foreground"
                  style={{ top: px(h - range.start) }}
                >
                  {h === range.start ? "" : minutesToTime(h)}
                </span>
              ))}
            </div>
          </div>
          {data.staff.map((s) => {
            const mine = data.bookings.filter((b) => b.staffId === s.id);
            return (
              <section
                key={s.id}
                aria-label={`${s.name}'s day`}
                className="w-44 shrink-0 border-r last:border-r-0 sm:w-52"
              >
                <h2 className="flex h-10 items-center border-b px-2 text-sm font-medium">{s.name}</h2>
                <div className="relative bg-muted/60" style={{ height: px(height) }}>
                  {s.hours
                    .filter((h) => h.day === day)
                    .map((h, i) => (
                      <div
                        key={i}
                        aria-hidden="true"
                        className="absolute inset-x-0 bg-background"
                        style={{
                          top: px(Math.max(h.from, range.start) - range.start),
                          height: px(Math.min(h.to, range.end) - Math.max(h.from, range.start)),
                        }}
                      />
                    ))}
                  {hours.map((h) => (
                    <div
                      key={h}
                      aria-hidden="true"
                      className="absolute inset-x-0 border-t border-border/60"
                      style={{ top: px(h - range.start) }}
                    />
                  ))}
                  {slots.map((m) => (
                    <button
                      key={m}
                      type="button"
                      className="absolute inset-x-0 outline-none hover:bg-accent/60 focus-visible:z-30 focus-visible:ring-2 focus-visible:ring-ring"
                      style={{ top: px(m - range.start), height: px(SLOT_MINUTES) }}
                      onClick={() =>
                        onSlot({ staffId: s.id, staffName: s.name, date: day, time: minutesToTime(m) })
                      }
                    >
                      <span className="sr-only">{`Book with ${s.name} at ${minutesToTime(m)}`}</span>
                    </button>
                  ))}
                  {data.timeOff
                    .filter((t) => t.staffId === s.id)
                    .flatMap((t) => t.segments.filter((g) => g.day === day).map((g) => ({ t, g })))
                    .map(({ t, g }, i) => (
                      <div
                        key={`${t.id}-${i}`}
                        className="pointer-events-none absolute inset-x-1 z-10 overflow-hidden rounded border border-dashed bg-[repeating-linear-gradient(45deg,transparent,transparent_6px,var(--color-muted)_6px,var(--color-muted)_12px)] p-1 text-xs text-muted-foreground"
                        style={{
                          top: px(Math.max(g.from, range.start) - range.start),
                          height: px(Math.min(g.to, range.end) - Math.max(g.from, range.start)),
                        }}
                      >
                        Time off{t.reason ? `: ${t.reason}` : ""}
                      </div>
                    ))}
                  {blocks(mine, day).map(({ seg, items }) => (
                    <div
                      key={`${items[0]?.id}`}
                      className="absolute inset-x-1 z-20 flex flex-col gap-0.5 overflow-y-auto"
                      style={{
                        top: px(Math.max(seg.from, range.start) - range.start),
                        height: px(
                          Math.max(20, Math.min(seg.to, range.end) - Math.max(seg.from, range.start)),
                        ),
                      }}
                    >
                      {items.map((b) => (
                        <button
                          key={b.id}
                          type="button"
                          onClick={() => onBooking(b.id)}
                          className={cn(
                            "min-h-5 flex-1 rounded border px-1.5 py-0.5 text-left text-xs leading-tight outline-none focus-visible:ring-2 focus-visible:ring-ring",
                            tone(b),
                          )}
                        >
                          <span className="font-medium">{minutesToTime(seg.from)}</span> {b.customerName}
                          {items.length === 1 ? (
                            <span className="block truncate">{b.serviceName}</span>
                          ) : null}
                          <span className="block text-[0.7rem] opacity-80">
                            {b.isHold ? "Held" : statusLabel(b.status)}
                          </span>
                        </button>
                      ))}
                    </div>
                  ))}
                </div>
              </section>
            );
          })}
        </div>
      </div>
    </div>
  );
}
