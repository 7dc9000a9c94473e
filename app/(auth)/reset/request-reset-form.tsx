"use client";
import { useState } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Email } from "@/lib/tenants/fields";
import { requestResetAction } from "./actions";

const Fields = z.object({ email: Email });

export function RequestResetForm() {
  const [sent, setSent] = useState(false);
  const { form, formError, onSubmit } = useActionForm(Fields, requestResetAction, { email: "" }, () =>
    setSent(true),
  );
  const { register, formState } = form;
  if (sent) {
    return (
      <Alert variant="success">
        If an account uses that address, we have sent it a link to choose a new password. The link works for
        one hour.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Email" htmlFor="email" error={formState.errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          {...fieldAria("email", formState.errors.email?.message)}
          {...register("email")}
        />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
