"use client";
import { useState } from "react";
import { z } from "zod";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
      <InputField
        label="Email"
        registration={register("email")}
        error={formState.errors.email?.message}
        type="email"
        autoComplete="username"
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
