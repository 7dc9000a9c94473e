"use client";
import { useTransition } from "react";
import type { ServerAction } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { ClosureFields } from "@/lib/catalogue/fields";

export function ClosureForm({ create }: { create: ServerAction }) {
  const empty = { startsOn: "", endsOn: "", reason: "" };
  const { form, formError, onSubmit } = useActionForm(ClosureFields, create, empty, () => {
    toast({ title: "Closure added", variant: "success" });
    form.reset(empty);
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          label="First day"
          registration={register("startsOn")}
          error={errors.startsOn?.message}
          type="date"
        />
        <InputField
          label="Last day"
          registration={register("endsOn")}
          error={errors.endsOn?.message}
          type="date"
        />
      </div>
      <InputField
        label="Reason"
        registration={register("reason")}
        error={errors.reason?.message}
        hint="Shown to staff, e.g. “Bank holiday”."
      />
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        Add closure
      </Button>
    </form>
  );
}

export function DeleteClosureButton({
  id,
  label,
  remove,
}: {
  id: string;
  label: string;
  remove: ServerAction;
}) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await remove({ id });
          toast(result.ok ? { title: "Closure removed" } : { title: result.message, variant: "destructive" });
        })
      }
    >
      Remove<span className="sr-only"> closure from {label}</span>
    </Button>
  );
}
