"use client";
import { useState } from "react";
import { z } from "zod";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
      <InputField
        label="New email address"
        registration={register("newEmail")}
        error={e.newEmail?.message}
        type="email"
        autoComplete="email"
      />
      <InputField
        label="Current password"
        registration={register("currentPassword")}
        id="emailCurrentPassword"
        error={e.currentPassword?.message}
        type="password"
        autoComplete="current-password"
      />
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Send confirmation link"}
      </Button>
    </form>
  );
}
