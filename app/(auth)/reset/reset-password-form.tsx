"use client";
import { z } from "zod";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordLength } from "@/lib/tenants/fields";
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
      <InputField
        type="password"
        label="New password"
        registration={register("password")}
        error={e.password?.message}
        hint="At least 12 characters. A few unrelated words work well."
        autoComplete="new-password"
      />
      <InputField
        type="password"
        label="Repeat the new password"
        registration={register("repeatPassword")}
        error={e.repeatPassword?.message}
        autoComplete="new-password"
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
