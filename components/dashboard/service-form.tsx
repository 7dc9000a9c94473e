"use client";
import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import type { SaveActions } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { currencyDigits, ServiceFields } from "@/lib/catalogue/fields";
import { CheckboxField } from "./checkbox-field";

type Props = SaveActions & {
  initial: ServiceFields;
  currency: string;
  staff: { id: string; name: string; isActive: boolean }[];
  resourceTypes: { id: string; name: string }[];
  canEdit: boolean;
};

const NUMBER_FIELDS = [
  { name: "durationMinutes", label: "Duration (minutes)", hint: "5 to 720", step: 5 },
  {
    name: "slotIntervalMinutes",
    label: "Start times every (minutes)",
    hint: "e.g. 15 for :00, :15, :30, :45",
    step: 5,
  },
  {
    name: "bufferBeforeMinutes",
    label: "Preparation before (minutes)",
    hint: "Blocks the staff member and room",
    step: 5,
  },
  {
    name: "bufferAfterMinutes",
    label: "Clean-up after (minutes)",
    hint: "Blocks the staff member and room",
    step: 5,
  },
  {
    name: "minNoticeMinutes",
    label: "Minimum notice (minutes)",
    hint: "How soon before the start online booking closes",
    step: 15,
  },
  { name: "maxDaysInAdvance", label: "Bookable up to (days ahead)", hint: "1 to 730", step: 1 },
  { name: "capacity", label: "Places", hint: "1 for one-to-one; more for a group session or class", step: 1 },
] as const;

export function ServiceForm({ initial, currency, staff, resourceTypes, canEdit, ...save }: Props) {
  const router = useRouter();
  const { form, formError, onSubmit } = useActionForm(
    ServiceFields,
    (values) => (save.id !== undefined ? save.update({ ...values, id: save.id }) : save.create(values)),
    initial,
    () => {
      toast({ title: save.id ? "Service saved" : "Service created", variant: "success" });
      if (!save.id) router.push("/dashboard/services");
    },
  );
  const { register, formState, control } = form;
  const errors = formState.errors;
  const digits = currencyDigits(currency);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <fieldset disabled={!canEdit} className="flex flex-col gap-5">
        <InputField label="Name" registration={register("name")} error={errors.name?.message} />
        <FormField label="Description" htmlFor="description" error={errors.description?.message}>
          <Textarea
            id="description"
            rows={3}
            {...register("description")}
            {...fieldAria("description", errors.description?.message)}
          />
        </FormField>
        <InputField
          label={`Price (${currency})`}
          registration={register("price")}
          error={errors.price?.message}
          hint={digits ? `e.g. 45 or 45.${"5".padEnd(digits, "0")}` : "Whole amounts only"}
          inputMode="decimal"
          autoComplete="off"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          {NUMBER_FIELDS.map((f) => (
            <FormField
              key={f.name}
              label={f.label}
              htmlFor={f.name}
              hint={f.hint}
              error={errors[f.name]?.message}
            >
              <Input
                id={f.name}
                type="number"
                inputMode="numeric"
                min={0}
                step={f.step}
                {...register(f.name, { valueAsNumber: true })}
                {...fieldAria(f.name, errors[f.name]?.message, f.hint)}
              />
            </FormField>
          ))}
        </div>
        <FormField
          label="Needs a room or equipment"
          htmlFor="resourceTypeId"
          error={errors.resourceTypeId?.message}
          hint="Each booking then takes a free one of this type as well as the staff member."
        >
          <NativeSelect
            id="resourceTypeId"
            {...register("resourceTypeId")}
            {...fieldAria("resourceTypeId", errors.resourceTypeId?.message, "hint")}
          >
            <option value="">No</option>
            {resourceTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <fieldset className="grid gap-2" aria-describedby={errors.staffIds ? "staffIds-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Who performs it</legend>
          {staff.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              Add staff first; a service nobody performs cannot be booked.
            </p>
          ) : (
            <Controller
              control={control}
              name="staffIds"
              render={({ field }) => (
                <div className="grid gap-2 sm:grid-cols-2">
                  {staff.map((s) => (
                    <CheckboxField
                      key={s.id}
                      id={`staff-${s.id}`}
                      label={s.isActive ? s.name : `${s.name} (inactive)`}
                      checked={field.value.includes(s.id)}
                      onBlur={field.onBlur}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked ? [...field.value, s.id] : field.value.filter((v) => v !== s.id),
                        )
                      }
                    />
                  ))}
                </div>
              )}
            />
          )}
          {errors.staffIds ? (
            <p id="staffIds-error" role="alert" className="text-sm font-medium text-destructive">
              {errors.staffIds.message}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-3">
          <CheckboxField
            id="isActive"
            label="Active"
            hint="Inactive services cannot be booked at all."
            {...register("isActive")}
          />
          <CheckboxField
            id="isPublic"
            label="Shown on the booking page"
            hint="Otherwise only the team can book it."
            {...register("isPublic")}
          />
          <CheckboxField
            id="requiresConfirmation"
            label="Online bookings need confirmation"
            hint="They hold the slot as pending until someone confirms or declines."
            {...register("requiresConfirmation")}
          />
        </div>
        {canEdit ? (
          <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : save.id ? "Save service" : "Create service"}
          </Button>
        ) : (
          <p className="text-sm text-muted-foreground">Only owners and managers can change services.</p>
        )}
      </fieldset>
    </form>
  );
}
