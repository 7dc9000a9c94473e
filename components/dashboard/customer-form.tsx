"use client";
import { useRouter } from "next/navigation";
import type { SaveActions } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { CustomerFields } from "@/lib/catalogue/fields";

export function CustomerForm({
  initial,
  canEdit,
  ...save
}: SaveActions<{ id: string }> & {
  initial: CustomerFields;
  canEdit: boolean;
}) {
  const router = useRouter();
  const { form, formError, onSubmit } = useActionForm(
    CustomerFields,
    async (values) => {
      if (save.id !== undefined) return save.update({ ...values, id: save.id });
      const result = await save.create(values);
      if (result.ok) router.push(`/dashboard/customers/${result.data.id}`);
      return result;
    },
    initial,
    () => toast({ title: save.id ? "Customer saved" : "Customer added", variant: "success" }),
  );
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <fieldset disabled={!canEdit} className="flex flex-col gap-4">
        <InputField
          label="Name"
          registration={register("name")}
          error={errors.name?.message}
          autoComplete="off"
        />
        <InputField
          label="Email"
          registration={register("email")}
          error={errors.email?.message}
          type="email"
          autoComplete="off"
        />
        <InputField
          label="Phone (optional)"
          registration={register("phone")}
          error={errors.phone?.message}
          type="tel"
          autoComplete="off"
        />
        <FormField label="Notes (team only)" htmlFor="notes" error={errors.notes?.message}>
          <Textarea
            id="notes"
            rows={4}
            {...register("notes")}
            {...fieldAria("notes", errors.notes?.message)}
          />
        </FormField>
        {canEdit ? (
          <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : save.id ? "Save customer" : "Add customer"}
          </Button>
        ) : null}
      </fieldset>
    </form>
  );
}
