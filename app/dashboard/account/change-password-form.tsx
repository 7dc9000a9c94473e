"use client";
import { z } from "zod";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { PasswordLength } from "@/lib/tenants/fields";
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
      <InputField
        type="password"
        label="Current password"
        registration={register("currentPassword")}
        error={e.currentPassword?.message}
        autoComplete="current-password"
      />
      <InputField
        type="password"
        label="New password"
        registration={register("newPassword")}
        error={e.newPassword?.message}
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
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
