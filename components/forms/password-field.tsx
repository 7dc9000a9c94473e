import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type Props = {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  autoComplete?: "new-password" | "current-password";
};

/** A labelled password input wired to react-hook-form, with its hint and error announced. */
export function PasswordField({ label, registration, error, hint, autoComplete = "new-password" }: Props) {
  const id = registration.name;
  return (
    <FormField label={label} htmlFor={id} error={error} hint={hint}>
      <Input
        id={id}
        type="password"
        autoComplete={autoComplete}
        {...fieldAria(id, error, hint)}
        {...registration}
      />
    </FormField>
  );
}
