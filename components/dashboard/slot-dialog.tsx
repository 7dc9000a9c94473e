"use client";
import { useEffect, useState } from "react";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { DeskBookingFields } from "@/lib/bookings/fields";
import { CustomerPicker } from "./customer-picker";
import { useDeskActions } from "./desk-actions";
import { formatLocalDate } from "./format";

export type SlotChoice = { staffId: string; staffName: string; date: string; time: string };
type ServiceOption = { id: string; name: string; durationMinutes: number; staffIds: string[] };

/** Book a customer into an empty slot; if the engine says the time is not bookable, say why. */
export function SlotDialog({
  slot,
  services,
  timeZone,
  onClose,
}: {
  slot: SlotChoice | null;
  services: ServiceOption[];
  timeZone: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={slot !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent>
        {slot ? (
          <SlotForm
            key={`${slot.staffId}|${slot.date}|${slot.time}`}
            slot={slot}
            services={services.filter((s) => s.staffIds.includes(slot.staffId))}
            timeZone={timeZone}
            onDone={onClose}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function SlotForm({
  slot,
  services,
  timeZone,
  onDone,
}: {
  slot: SlotChoice;
  services: ServiceOption[];
  timeZone: string;
  onDone: () => void;
}) {
  const { bookSlot } = useDeskActions();
  const { form, formError, onSubmit } = useActionForm(
    DeskBookingFields,
    bookSlot,
    {
      serviceId: services[0]?.id ?? "",
      staffId: slot.staffId,
      date: slot.date,
      time: slot.time,
      customerMode: "existing",
      customerId: "",
      name: "",
      email: "",
      phone: "",
      notes: "",
    },
    () => {
      toast({ title: "Booked", variant: "success" });
      onDone();
    },
  );
  const { register, formState, watch, setValue } = form;
  const errors = formState.errors;
  const [serviceId, date, time, mode, customerId] = watch([
    "serviceId",
    "date",
    "time",
    "customerMode",
    "customerId",
  ]);
  const reasons = useExplanation(slot.staffId, serviceId, date, time, formError);

  return (
    <>
      <DialogHeader>
        <DialogTitle>Book with {slot.staffName}</DialogTitle>
        <DialogDescription>
          {formatLocalDate(date || slot.date)} at {time || slot.time} ({timeZone})
        </DialogDescription>
      </DialogHeader>
      {services.length === 0 ? (
        <Alert>
          {slot.staffName} does not perform any active service yet. Assign services on the Services page.
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Service" htmlFor="slot-service" error={errors.serviceId?.message}>
            <NativeSelect
              id="slot-service"
              {...register("serviceId")}
              {...fieldAria("slot-service", errors.serviceId?.message)}
            >
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <div className="grid gap-3 sm:grid-cols-2">
            <InputField
              label="Date"
              registration={register("date")}
              id="slot-date"
              error={errors.date?.message}
              type="date"
            />
            <InputField
              label="Time"
              registration={register("time")}
              id="slot-time"
              error={errors.time?.message}
              type="time"
              step={300}
            />
          </div>
          <Explanation reasons={reasons} />
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium">Customer</legend>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  value="existing"
                  className="accent-primary"
                  {...register("customerMode")}
                />
                Existing customer
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="new" className="accent-primary" {...register("customerMode")} />
                New customer
              </label>
            </div>
            {mode === "existing" ? (
              <CustomerPicker
                value={customerId}
                onChange={(id) => setValue("customerId", id, { shouldValidate: true })}
                error={errors.customerId?.message}
              />
            ) : (
              <div className="grid gap-3">
                <InputField
                  label="Name"
                  registration={register("name")}
                  id="slot-name"
                  error={errors.name?.message}
                  autoComplete="off"
                />
                <InputField
                  label="Email"
                  registration={register("email")}
                  id="slot-email"
                  error={errors.email?.message}
                  hint="If we know this email, the booking goes to that customer."
                  type="email"
                  autoComplete="off"
                />
                <InputField
                  label="Phone (optional)"
                  registration={register("phone")}
                  id="slot-phone"
                  error={errors.phone?.message}
                  type="tel"
                  autoComplete="off"
                />
              </div>
            )}
          </fieldset>
          <FormField label="Notes (optional)" htmlFor="slot-notes" error={errors.notes?.message}>
            <Textarea
              id="slot-notes"
              rows={2}
              {...register("notes")}
              {...fieldAria("slot-notes", errors.notes?.message)}
            />
          </FormField>
          <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Booking…" : "Book"}
          </Button>
        </form>
      )}
    </>
  );
}

type Reasons = { message: string }[] | null;

/** Asks the engine about the chosen time (debounced); re-asks after a failed attempt. */
function useExplanation(
  staffId: string,
  serviceId: string,
  date: string,
  time: string,
  attempt: unknown,
): Reasons {
  const { explainSlot } = useDeskActions();
  const [reasons, setReasons] = useState<Reasons>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` only triggers a re-check after a failed booking
  useEffect(() => {
    setReasons(null);
    if (!serviceId || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await explainSlot({ serviceId, staffId, date, time });
      if (live && result.ok) setReasons(result.data);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [explainSlot, staffId, serviceId, date, time, attempt]);
  return reasons;
}

function Explanation({ reasons }: { reasons: Reasons }) {
  if (reasons === null) return null;
  if (reasons.length === 0) {
    return (
      <p className="text-sm text-success" aria-live="polite">
        This time is free.
      </p>
    );
  }
  return (
    <div aria-live="polite" className="rounded-md border border-destructive/40 p-3 text-sm">
      <p className="font-medium">This time can’t be booked.</p>
      <details className="mt-1">
        <summary className="cursor-pointer text-muted-foreground">Why can’t I book here?</summary>
        <ul className="mt-2 list-disc pl-5">
          {reasons.map((r, i) => (
            <li key={i}>{r.message}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
