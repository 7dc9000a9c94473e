"use client";
import { useState } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Email } from "@/lib/tenants/fields";
import { changeEmailAction } from "./actions";

const Fields = z.object({
  newEmail: Email,
  currentPassword: z.string().min(1, "Enter your current password"),
});

export function ChangeEmailForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, formError, onSubmit } = useActionForm(
    Fields,
    changeEmailAction,
    { newEmail: "", currentPassword: "" },
    () => {
      setSentTo(form.getValues("newEmail"));
      form.reset();
    },
  );
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {sentTo && (
        <Alert variant="success">
          We sent a confirmation link to {sentTo}. Your address changes once you open it (within 24 hours).
        </Alert>
      )}
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="New email address" htmlFor="newEmail" error={e.newEmail?.message}>
        <Input
          id="newEmail"
          type="email"
          autoComplete="email"
          {...fieldAria("newEmail", e.newEmail?.message)}
          {...register("newEmail")}
        />
      </FormField>
      <FormField label="Current password" htmlFor="emailCurrentPassword" error={e.currentPassword?.message}>
        <Input
          id="emailCurrentPassword"
          type="password"
          autoComplete="current-password"
          {...fieldAria("emailCurrentPassword", e.currentPassword?.message)}
          {...register("currentPassword")}
        />
      </FormField>
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Send confirmation link"}
      </Button>
    </form>
  );
}
