"use client";
import { z } from "zod";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { completeMfaAction } from "./actions";

const Fields = z.object({ code: z.string().trim().min(1, "Enter the code from your app or a backup code") });

export function MfaForm() {
  const { form, formError, onSubmit } = useActionForm(Fields, completeMfaAction, { code: "" });
  const { register, formState } = form;
  const error = formState.errors.code?.message;
  const hint = "Six digits from your authenticator app, or one of your backup codes (XXXXX-XXXXX).";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <InputField
        label="Authentication code"
        registration={register("code")}
        error={error}
        hint={hint}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Checking…" : "Verify"}
      </Button>
    </form>
  );
}
