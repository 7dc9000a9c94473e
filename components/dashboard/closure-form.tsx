"use client";
import { useTransition } from "react";
import { createClosureAction, deleteClosureAction } from "@/app/dashboard/closures/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { ClosureFields } from "@/lib/booking/catalogue-fields";

export function ClosureForm() {
  const empty = { startsOn: "", endsOn: "", reason: "" };
  const { form, formError, onSubmit } = useActionForm(ClosureFields, createClosureAction, empty, () => {
    toast({ title: "Closure added", variant: "success" });
    form.reset(empty);
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="First day" htmlFor="startsOn" error={errors.startsOn?.message}>
          <Input
            id="startsOn"
            type="date"
            {...register("startsOn")}
            {...fieldAria("startsOn", errors.startsOn?.message)}
          />
        </FormField>
        <FormField label="Last day" htmlFor="endsOn" error={errors.endsOn?.message}>
          <Input
            id="endsOn"
            type="date"
            {...register("endsOn")}
            {...fieldAria("endsOn", errors.endsOn?.message)}
          />
        </FormField>
      </div>
      <FormField
        label="Reason"
        htmlFor="reason"
        error={errors.reason?.message}
        hint="Shown to staff, e.g. “Bank holiday”."
      >
        <Input id="reason" {...register("reason")} {...fieldAria("reason", errors.reason?.message, "hint")} />
      </FormField>
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        Add closure
      </Button>
    </form>
  );
}

export function DeleteClosureButton({ id, label }: { id: string; label: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await deleteClosureAction({ id });
          toast(result.ok ? { title: "Closure removed" } : { title: result.message, variant: "destructive" });
        })
      }
    >
      Remove<span className="sr-only"> closure from {label}</span>
    </Button>
  );
}
