"use client";
import { useTransition } from "react";
import type { ServerAction } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { DateOverrideFields, type IntervalFields } from "@/lib/catalogue/fields";
import { CheckboxField } from "./checkbox-field";
import { formatLocalDate } from "./format";
import { IntervalRows } from "./interval-rows";

type Override = { date: string; closed: boolean; intervals: IntervalFields[] };

export function DateOverridesEditor({
  staffId,
  overrides,
  canEdit,
  save,
  remove,
}: {
  staffId: string;
  overrides: Override[];
  canEdit: boolean;
  save: ServerAction;
  remove: ServerAction;
}) {
  return (
    <div className="flex flex-col gap-4">
      {overrides.length === 0 ? (
        <p className="text-sm text-muted-foreground">No upcoming overrides.</p>
      ) : (
        <ul className="divide-y rounded-md border">
          {overrides.map((o) => (
            <li key={o.date} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <span className="font-medium">{formatLocalDate(o.date)}</span>
                {" · "}
                {o.closed ? "Closed" : o.intervals.map((i) => `${i.start}–${i.end}`).join(", ")}
              </span>
              {canEdit ? <RemoveOverride staffId={staffId} date={o.date} remove={remove} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <AddOverride staffId={staffId} save={save} /> : null}
    </div>
  );
}

function RemoveOverride({ staffId, date, remove }: { staffId: string; date: string; remove: ServerAction }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await remove({ id: staffId, date });
          if (!result.ok) toast({ title: result.message, variant: "destructive" });
        })
      }
    >
      Remove<span className="sr-only"> override on {formatLocalDate(date)}</span>
    </Button>
  );
}

function AddOverride({ staffId, save }: { staffId: string; save: ServerAction }) {
  const { form, formError, onSubmit } = useActionForm(
    DateOverrideFields,
    (values) => save({ ...values, id: staffId }),
    { date: "", closed: true, intervals: [] },
    () => {
      toast({ title: "Override saved", variant: "success" });
      form.reset({ date: "", closed: true, intervals: [] });
    },
  );
  const { register, control, formState, watch } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-md border p-3">
      <p className="text-sm font-medium">Add or replace an override</p>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <InputField
        label="Date"
        registration={register("date")}
        id="override-date"
        error={errors.date?.message}
        type="date"
        className="w-44"
      />
      <CheckboxField id="override-closed" label="Closed all day" {...register("closed")} />
      {!watch("closed") ? (
        <div className="flex flex-col gap-1">
          <IntervalRows
            control={control}
            register={register}
            name="intervals"
            label="That day"
            errors={errors.intervals as never}
          />
          {errors.intervals?.message ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {errors.intervals.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" size="sm" className="self-start" disabled={formState.isSubmitting}>
        Save override
      </Button>
    </form>
  );
}
