"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { disableMfaAction, regenerateCodesAction } from "./actions";
import { BackupCodes } from "./backup-codes";
import { CodeField } from "./code-field";

const code = z.string().trim().min(1, "Enter the code from your authenticator app");
const RegenerateFields = z.object({ code });
const DisableFields = z.object({ password: z.string().min(1, "Enter your password"), code });

function RegenerateCodes() {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { form, formError, onSubmit } = useActionForm(
    RegenerateFields,
    async (values) => {
      const result = await regenerateCodesAction(values);
      if (result.ok) setCodes(result.data.backupCodes);
      return result;
    },
    { code: "" },
  );
  if (codes) {
    return (
      <BackupCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          form.reset();
          router.refresh();
        }}
      />
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <h3 className="font-medium">New backup codes</h3>
      <p className="text-sm text-muted-foreground">Making a new set stops the old codes from working.</p>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <CodeField
        id="regenerate-code"
        label="Code from your app"
        error={form.formState.errors.code?.message}
        registration={form.register("code")}
      />
      <Button type="submit" variant="outline" className="self-start" disabled={form.formState.isSubmitting}>
        Make new backup codes
      </Button>
    </form>
  );
}

function DisableMfa() {
  const { form, formError, onSubmit } = useActionForm(
    DisableFields,
    disableMfaAction,
    { password: "", code: "" },
    () => toast({ title: "Two-factor authentication is off" }),
  );
  const passwordError = form.formState.errors.password?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <h3 className="font-medium">Turn off two-factor authentication</h3>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Your password" htmlFor="disable-password" error={passwordError}>
        <Input
          id="disable-password"
          type="password"
          autoComplete="current-password"
          className="max-w-72"
          {...fieldAria("disable-password", passwordError)}
          {...form.register("password")}
        />
      </FormField>
      <CodeField
        id="disable-code"
        label="Code from your app or a backup code"
        error={form.formState.errors.code?.message}
        registration={form.register("code")}
      />
      <Button
        type="submit"
        variant="destructive"
        className="self-start"
        disabled={form.formState.isSubmitting}
      >
        Turn off
      </Button>
    </form>
  );
}

/** With MFA on: make new backup codes, or turn MFA off (password and a code). */
export function ManageMfa() {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <RegenerateCodes />
      <DisableMfa />
    </div>
  );
}
