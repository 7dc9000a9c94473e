"use client";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { RescheduleFields } from "@/lib/bookings/fields";
import { type BookingView, useDeskActions } from "./desk-actions";
import { formatTime, localDate } from "./format";

/** New date, time (practice's zone) and staff member; a clash leaves the booking where it was. */
export function RescheduleForm({
  booking,
  timeZone,
  staff,
  onBack,
  onDone,
}: {
  booking: BookingView;
  timeZone: string;
  staff: { id: string; name: string }[];
  onBack: () => void;
  onDone: () => void;
}) {
  const { rescheduleBooking } = useDeskActions();
  const { form, formError, onSubmit } = useActionForm(
    RescheduleFields,
    rescheduleBooking,
    {
      bookingId: booking.id,
      date: localDate(booking.start, timeZone),
      time: formatTime(booking.start, timeZone),
      staffId: booking.staffId,
    },
    onDone,
  );
  const { register, formState } = form;
  const errors = formState.errors;
  const choices = staff.some((s) => s.id === booking.staffId)
    ? staff
    : [{ id: booking.staffId, name: booking.staffName }, ...staff];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Date"
          registration={register("date")}
          id="rs-date"
          error={errors.date?.message}
          type="date"
        />
        <InputField
          label={`Time (${timeZone})`}
          registration={register("time")}
          id="rs-time"
          error={errors.time?.message}
          type="time"
          step={300}
        />
      </div>
      <FormField label="With" htmlFor="rs-staff" error={errors.staffId?.message}>
        <NativeSelect
          id="rs-staff"
          {...register("staffId")}
          {...fieldAria("rs-staff", errors.staffId?.message)}
        >
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Moving…" : "Move booking"}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onBack}>
          Back
        </Button>
      </div>
    </form>
  );
}
