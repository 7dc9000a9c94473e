"use client";
import { useEffect, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { RescheduleSlot } from "@/lib/customers";
import { RescheduleFields } from "@/lib/customers/fields";
import { rescheduleBookingAction, rescheduleSlotsAction } from "./actions";
import { formatClock, localDate } from "./format";

const Fields = RescheduleFields.omit({ bookingId: true });

type Props = { slug: string; bookingId: string; start: string; timeZone: string; summary: string };
type Day = { loading: boolean; slots: RescheduleSlot[]; error: string | null };

/** Pick a day (in the practice's zone), then one of that day's free times. */
export function RescheduleDialog({ slug, bookingId, start, timeZone, summary }: Props) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => localDate(start, timeZone));
  const [day, setDay] = useState<Day>({ loading: false, slots: [], error: null });
  const { form, formError, onSubmit } = useActionForm(
    Fields,
    (values) => rescheduleBookingAction({ ...values, bookingId, slug }),
    { start: "" },
    () => {
      setOpen(false);
      toast({ title: "Booking moved" });
    },
  );

  const { register, formState, resetField } = form;
  useEffect(() => {
    if (!open) return;
    // A slower answer for a day the customer has already left must not overwrite the newer one.
    let current = true;
    setDay({ loading: true, slots: [], error: null });
    resetField("start");
    void rescheduleSlotsAction({ slug, bookingId, date }).then((result) => {
      if (!current) return;
      setDay(
        result.ok
          ? { loading: false, slots: result.data, error: null }
          : { loading: false, slots: [], error: result.fieldErrors.date ?? result.message },
      );
    });
    return () => {
      current = false;
    };
  }, [open, date, slug, bookingId, resetField]);

  const dateId = `date-${bookingId}`;
  const startId = `start-${bookingId}`;
  const startError = formState.errors.start?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Reschedule
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Choose a new time</DialogTitle>
          <DialogDescription>
            {summary}. Times are in {timeZone}.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          <FormField label="Day" htmlFor={dateId} error={day.error ?? undefined}>
            <Input
              id={dateId}
              type="date"
              value={date}
              min={localDate(new Date(), timeZone)}
              onChange={(e) => e.target.value && setDate(e.target.value)}
              {...fieldAria(dateId, day.error ?? undefined)}
            />
          </FormField>
          <FormField label="New time" htmlFor={startId} error={startError}>
            <NativeSelect
              id={startId}
              disabled={day.loading || !day.slots.length}
              {...fieldAria(startId, startError)}
              {...register("start")}
            >
              <option value="">
                {day.loading
                  ? "Looking for free times…"
                  : day.slots.length
                    ? "Choose a time"
                    : "No free times that day"}
              </option>
              {day.slots.map((slot) => (
                <option key={slot.start} value={slot.start}>
                  {formatClock(slot.start, timeZone)}
                  {slot.sameStaff ? "" : " (with another practitioner)"}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep current time</Button>
            </DialogClose>
            <Button type="submit" disabled={formState.isSubmitting || day.loading}>
              {formState.isSubmitting ? "Moving…" : "Move booking"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
