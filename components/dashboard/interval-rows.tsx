"use client";
import {
  type Control,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormRegister,
  useFieldArray,
} from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type IntervalError = { start?: { message?: string }; end?: { message?: string } } | undefined;

/**
 * Editable "from–to" rows for one day, bound to a field array of {start, end} at `name`. Times are
 * typed as HH:MM (text, so "24:00" — until midnight — is possible).
 */
export function IntervalRows<T extends FieldValues>({
  control,
  register,
  name,
  label,
  errors,
  disabled,
}: {
  control: Control<T>;
  register: UseFormRegister<T>;
  name: Path<T>;
  label: string;
  errors?: FieldErrors | IntervalError[] | undefined;
  disabled?: boolean;
}) {
  // The generic array path cannot be typed tighter without tying this to one form.
  const { fields, append, remove } = useFieldArray({ control, name: name as never });
  const rowErrors = (Array.isArray(errors) ? errors : []) as IntervalError[];
  const id = name.replaceAll(".", "-");
  return (
    <div className="flex flex-col gap-2">
      {fields.length === 0 ? <p className="text-sm text-muted-foreground">Not working</p> : null}
      {fields.map((field, i) => {
        const err = rowErrors[i];
        const startId = `${id}-${i}-start`;
        const endId = `${id}-${i}-end`;
        return (
          <div key={field.id} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <label className="sr-only" htmlFor={startId}>
                {label} interval {i + 1} from
              </label>
              <Input
                id={startId}
                className="w-20"
                inputMode="numeric"
                placeholder="09:00"
                maxLength={5}
                disabled={disabled}
                aria-invalid={err?.start ? true : undefined}
                aria-describedby={err?.start ? `${startId}-error` : undefined}
                {...register(`${name}.${i}.start` as Path<T>)}
              />
              <span aria-hidden="true">–</span>
              <label className="sr-only" htmlFor={endId}>
                {label} interval {i + 1} until
              </label>
              <Input
                id={endId}
                className="w-20"
                inputMode="numeric"
                placeholder="17:00"
                maxLength={5}
                disabled={disabled}
                aria-invalid={err?.end ? true : undefined}
                aria-describedby={err?.end ? `${endId}-error` : undefined}
                {...register(`${name}.${i}.end` as Path<T>)}
              />
              {!disabled ? (
                <Button type="button" variant="ghost" size="sm" onClick={() => remove(i)}>
                  Remove
                  <span className="sr-only">
                    {" "}
                    {label} interval {i + 1}
                  </span>
                </Button>
              ) : null}
            </div>
            {err?.start?.message ? (
              <p id={`${startId}-error`} role="alert" className="text-sm font-medium text-destructive">
                {err.start.message}
              </p>
            ) : null}
            {err?.end?.message ? (
              <p id={`${endId}-error`} role="alert" className="text-sm font-medium text-destructive">
                {err.end.message}
              </p>
            ) : null}
          </div>
        );
      })}
      {!disabled ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="self-start"
          onClick={() => append({ start: "09:00", end: "17:00" } as never)}
        >
          Add hours<span className="sr-only"> on {label}</span>
        </Button>
      ) : null}
    </div>
  );
}
