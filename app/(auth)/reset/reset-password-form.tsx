"use client";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordLength } from "@/lib/tenants/signup-fields";
import { resetPasswordAction } from "./actions";

// The server adds the common-password check and the token's own checks.
const Fields = z
  .object({ token: z.string(), password: PasswordLength, repeatPassword: z.string() })
  .refine((v) => v.password === v.repeatPassword, {
    path: ["repeatPassword"],
    message: "The two passwords differ",
  });

export function ResetPasswordForm({ token }: { token: string }) {
  const { form, formError, onSubmit } = useActionForm(Fields, resetPasswordAction, {
    token,
    password: "",
    repeatPassword: "",
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {(formError || e.token) && <Alert variant="destructive">{e.token?.message ?? formError}</Alert>}
      <input type="hidden" {...register("token")} />
      <FormField
        label="New password"
        htmlFor="password"
        error={e.password?.message}
        hint="At least 12 characters. A few unrelated words work well."
      >
        <Input
          id="password"
          type="password"
          autoComplete="new-password"
          {...fieldAria("password", e.password?.message, "hint")}
          {...register("password")}
        />
      </FormField>
      <FormField label="Repeat the new password" htmlFor="repeatPassword" error={e.repeatPassword?.message}>
        <Input
          id="repeatPassword"
          type="password"
          autoComplete="new-password"
          {...fieldAria("repeatPassword", e.repeatPassword?.message)}
          {...register("repeatPassword")}
        />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
