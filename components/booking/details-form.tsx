"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { type DetailsField, DetailsFields, type DetailsValues } from "./details-fields";

/** What a submit attempt came back with; nothing when the wizard moved on. */
export type SubmitOutcome =
  | { fields?: Partial<Record<DetailsField, string>>; formError?: string }
  | undefined;

const DETAILS_ORDER: DetailsField[] = ["name", "email", "phone", "notes"];

export function DetailsForm({
  defaultValues,
  onSubmit,
}: {
  defaultValues: DetailsValues;
  onSubmit: (values: DetailsValues) => Promise<SubmitOutcome>;
}) {
  const form = useForm<DetailsValues>({
    resolver: zodResolver(DetailsFields),
    defaultValues,
    // Validate on submit, then as the customer corrects: a message appearing on blur shifts the
    // Confirm button between mousedown and mouseup, and that first click would be lost.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { register, formState } = form;
  const errors = formState.errors;

  // Keyboard and screen-reader users land on the first field that needs attention.
  const focusFirstInvalid = (invalid: Partial<Record<DetailsField, unknown>>) => {
    const first = DETAILS_ORDER.find((name) => invalid[name]);
    if (first) form.setFocus(first);
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const outcome = await onSubmit(values);
    if (!outcome) return;
    let focused = false;
    for (const [field, message] of Object.entries(outcome.fields ?? {})) {
      form.setError(field as DetailsField, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    }
    if (outcome.formError) setFormError(outcome.formError);
  }, focusFirstInvalid);

  const field = (name: DetailsField, hint?: string) => ({
    id: name,
    ...fieldAria(name, errors[name]?.message, hint),
    ...register(name),
  });
  const emailHint = "So the practice can reach you about this booking.";
  const phoneHint = "Optional. Only used if the practice needs to reach you about this booking.";
  const notesHint = "Optional. Anything the practice should know beforehand.";

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Name" htmlFor="name" error={errors.name?.message}>
        <Input autoComplete="name" {...field("name")} />
      </FormField>
      <FormField label="Email" htmlFor="email" error={errors.email?.message} hint={emailHint}>
        <Input type="email" autoComplete="email" inputMode="email" {...field("email", emailHint)} />
      </FormField>
      <FormField label="Phone (optional)" htmlFor="phone" error={errors.phone?.message} hint={phoneHint}>
        <Input type="tel" autoComplete="tel" {...field("phone", phoneHint)} />
      </FormField>
      <FormField label="Notes (optional)" htmlFor="notes" error={errors.notes?.message} hint={notesHint}>
        <Textarea rows={3} {...field("notes", notesHint)} />
      </FormField>
      <Button type="submit" size="lg" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Booking…" : "Confirm booking"}
      </Button>
    </form>
  );
}
