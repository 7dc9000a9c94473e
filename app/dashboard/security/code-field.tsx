"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** The one-time-code input every MFA form here uses. */
export function CodeField({
  id,
  label,
  error,
  registration,
}: {
  id: string;
  label: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <FormField label={label} htmlFor={id} error={error}>
      <Input
        id={id}
        inputMode="text"
        autoComplete="one-time-code"
        spellCheck={false}
        className="max-w-48 font-mono"
        {...fieldAria(id, error)}
        {...registration}
      />
    </FormField>
  );
}
