"use client";
import { z } from "zod";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordLength, PersonName } from "@/lib/tenants/fields";
import { acceptAsNewMemberAction } from "./actions";

// The server adds the common-password check.
const Fields = z.object({ token: z.string(), name: PersonName, password: PasswordLength });

export function AcceptNewForm({ token, email }: { token: string; email: string }) {
  const { form, formError, onSubmit } = useActionForm(Fields, acceptAsNewMemberAction, {
    token,
    name: "",
    password: "",
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {(formError || e.token) && <Alert variant="destructive">{e.token?.message ?? formError}</Alert>}
      <input type="hidden" {...register("token")} />
      <FormField label="Email" htmlFor="email">
        <Input id="email" type="email" value={email} autoComplete="username" readOnly />
      </FormField>
      <InputField
        label="Your name"
        registration={register("name")}
        error={e.name?.message}
        autoComplete="name"
      />
      <InputField
        type="password"
        label="Choose a password"
        registration={register("password")}
        error={e.password?.message}
        hint="At least 12 characters. A few unrelated words work well."
        autoComplete="new-password"
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Joining…" : "Create my account and join"}
      </Button>
    </form>
  );
}
