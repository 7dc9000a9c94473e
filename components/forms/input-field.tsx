import type { ComponentProps } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type Props = Omit<ComponentProps<"input">, "id" | "name"> & {
  label: string;
  registration: UseFormRegisterReturn;
  /** Defaults to the field's name; set it when one page has two forms with the same field. */
  id?: string;
  error?: string;
  hint?: string;
};

/** A labelled input wired to react-hook-form, its hint and error linked for screen readers. */
export function InputField({ label, registration, id = registration.name, error, hint, ...input }: Props) {
  return (
    <FormField label={label} htmlFor={id} error={error} hint={hint}>
      <Input id={id} {...input} {...fieldAria(id, error, hint)} {...registration} />
    </FormField>
  );
}
