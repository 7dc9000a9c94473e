"use client";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { TenantSettingsFields, type TenantSettingsFields as Values } from "@/lib/tenants/fields";
import { updateSettingsAction } from "./actions";

type Props = { initial: Values; timeZones: string[]; currencies: string[]; canEdit: boolean };

export function SettingsForm({ initial, timeZones, currencies, canEdit }: Props) {
  const { form, formError, onSubmit } = useActionForm(
    TenantSettingsFields,
    updateSettingsAction,
    initial,
    () => toast({ title: "Settings saved" }),
  );
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <fieldset disabled={!canEdit} className="flex flex-col gap-4">
        <FormField label="Business name" htmlFor="name" error={formState.errors.name?.message}>
          <Input id="name" {...register("name")} />
        </FormField>
        <FormField label="Time zone" htmlFor="timeZone" error={formState.errors.timeZone?.message}>
          <NativeSelect id="timeZone" {...register("timeZone")}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Currency" htmlFor="currency" error={formState.errors.currency?.message}>
          <NativeSelect id="currency" {...register("currency")}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          label="Hold unconfirmed online bookings for (minutes)"
          htmlFor="holdMinutes"
          error={formState.errors.holdMinutes?.message}
          hint="For services that need your confirmation: after this, the time is offered to others again."
        >
          <Input
            id="holdMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            {...register("holdMinutes")}
          />
        </FormField>
        <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save settings"}
        </Button>
      </fieldset>
    </form>
  );
}
