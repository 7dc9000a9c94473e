"use client";
import { useRouter } from "next/navigation";
import type { SaveActions } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { StaffFields } from "@/lib/catalogue/fields";
import { CheckboxField } from "./checkbox-field";

type Props = SaveActions<{ id: string }> & {
  initial: StaffFields;
  members: { userId: string; name: string; email: string; role: string }[];
  timeZones: string[];
  practiceTimeZone: string;
  canEdit: boolean;
};

export function StaffForm({ initial, members, timeZones, practiceTimeZone, canEdit, ...save }: Props) {
  const router = useRouter();
  const { form, formError, onSubmit } = useActionForm(
    StaffFields,
    async (values) => {
      if (save.id !== undefined) return save.update({ ...values, id: save.id });
      const result = await save.create(values);
      if (result.ok) router.push(`/dashboard/staff/${result.data.id}`);
      return result;
    },
    initial,
    () => toast({ title: save.id ? "Staff member saved" : "Staff member added", variant: "success" }),
  );
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <fieldset disabled={!canEdit} className="flex flex-col gap-4">
        <InputField
          label="Name shown to customers"
          registration={register("displayName")}
          error={errors.displayName?.message}
        />
        <FormField
          label="Signs in as"
          htmlFor="userId"
          error={errors.userId?.message}
          hint="Link a team member's login so they see their own calendar."
        >
          <NativeSelect
            id="userId"
            {...register("userId")}
            {...fieldAria("userId", errors.userId?.message, "hint")}
          >
            <option value="">Nobody (no login)</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} — {m.email} ({m.role})
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          label="Time zone"
          htmlFor="timeZone"
          error={errors.timeZone?.message}
          hint="Their working hours are written in this zone."
        >
          <NativeSelect
            id="timeZone"
            {...register("timeZone")}
            {...fieldAria("timeZone", errors.timeZone?.message, "hint")}
          >
            <option value="">Practice time zone ({practiceTimeZone})</option>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <CheckboxField
          id="isActive"
          label="Active"
          hint="Inactive staff take no new bookings."
          {...register("isActive")}
        />
        {canEdit ? (
          <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : save.id ? "Save profile" : "Add staff member"}
          </Button>
        ) : null}
      </fieldset>
    </form>
  );
}
