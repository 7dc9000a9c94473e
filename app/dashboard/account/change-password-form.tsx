"use client";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { PasswordLength } from "@/lib/tenants/signup-fields";
import { changePasswordAction } from "./actions";

// The browser checks length and the repeat; the server adds the current-password and common-password checks.
const Fields = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: PasswordLength,
    repeatPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.repeatPassword, {
    path: ["repeatPassword"],
    message: "The two new passwords differ",
  });

export function ChangePasswordForm() {
  const { form, formError, onSubmit } = useActionForm(
    Fields,
    changePasswordAction,
    { currentPassword: "", newPassword: "", repeatPassword: "" },
    () => {
      form.reset();
      toast({ title: "Password changed", description: "Your other devices were signed out." });
    },
  );
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Current password" htmlFor="currentPassword" error={e.currentPassword?.message}>
        <Input
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          {...fieldAria("currentPassword", e.currentPassword?.message)}
          {...register("currentPassword")}
        />
      </FormField>
      <FormField
        label="New password"
        htmlFor="newPassword"
        error={e.newPassword?.message}
        hint="At least 12 characters. A few unrelated words work well."
      >
        <Input
          id="newPassword"
          type="password"
          autoComplete="new-password"
          {...fieldAria("newPassword", e.newPassword?.message, "hint")}
          {...register("newPassword")}
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
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
