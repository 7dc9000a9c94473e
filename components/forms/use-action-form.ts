"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "./action-result";

/**
 * react-hook-form + zod in the browser, then the server action; the server's field errors land next to
 * the same fields, anything else in a form-level message.
 */
export function useActionForm<T extends FieldValues>(
  schema: z.ZodType<T, T>,
  action: (values: T) => Promise<ActionResult<unknown>>,
  defaultValues: DefaultValues<T>,
  onSuccess?: () => void,
) {
  const form = useForm<T>({ resolver: zodResolver(schema), defaultValues, mode: "onTouched" });
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      onSuccess?.();
      return;
    }
    let placed = false;
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      if (field in values) {
        form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: !placed });
        placed = true;
      }
    }
    if (!placed) setFormError(result.message);
  });
  return { form, formError, onSubmit };
}
