"use client";
import type { ServerAction } from "@/components/forms/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { WEEKDAYS, WeeklyHoursFields } from "@/lib/catalogue/fields";
import { IntervalRows } from "./interval-rows";

/** Seven days, each with any number of intervals; saved as a whole week. */
export function WeeklyHoursEditor({
  staffId,
  initial,
  canEdit,
  save,
}: {
  staffId: string;
  initial: WeeklyHoursFields;
  canEdit: boolean;
  save: ServerAction;
}) {
  const { form, formError, onSubmit } = useActionForm(
    WeeklyHoursFields,
    (values) => save({ ...values, id: staffId }),
    initial,
    () => toast({ title: "Weekly hours saved", variant: "success" }),
  );
  const { control, register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="divide-y">
        {WEEKDAYS.map((day, d) => (
          <fieldset
            key={day}
            aria-labelledby={`weekday-${d}`}
            className="grid gap-2 py-3 sm:grid-cols-[8rem_1fr]"
          >
            <p id={`weekday-${d}`} className="pt-1.5 text-sm font-medium">
              {day}
            </p>
            <IntervalRows
              control={control}
              register={register}
              name={`days.${d}.intervals`}
              label={day}
              errors={formState.errors.days?.[d]?.intervals as never}
              disabled={!canEdit}
            />
          </fieldset>
        ))}
      </div>
      {canEdit ? (
        <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save weekly hours"}
        </Button>
      ) : null}
    </form>
  );
}
