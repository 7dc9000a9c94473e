"use client";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { ProfileFields } from "@/lib/customers/fields";
import { updateProfileAction } from "./actions";

type Props = { slug: string; email: string; initial: ProfileFields };

export function ProfileForm({ slug, email, initial }: Props) {
  const { form, formError, onSubmit } = useActionForm(
    ProfileFields,
    (values) => updateProfileAction({ ...values, slug }),
    initial,
    () => toast({ title: "Your details are saved" }),
  );
  const { register, formState } = form;
  const errors = formState.errors;
  const emailHint = "To change your email address, please contact the practice.";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Name" htmlFor="name" error={errors.name?.message}>
        <Input
          id="name"
          autoComplete="name"
          {...fieldAria("name", errors.name?.message)}
          {...register("name")}
        />
      </FormField>
      <FormField label="Email" htmlFor="account-email" hint={emailHint}>
        <Input
          id="account-email"
          value={email}
          readOnly
          {...fieldAria("account-email", undefined, emailHint)}
        />
      </FormField>
      <FormField label="Phone (optional)" htmlFor="phone" error={errors.phone?.message}>
        <Input
          id="phone"
          type="tel"
          autoComplete="tel"
          {...fieldAria("phone", errors.phone?.message)}
          {...register("phone")}
        />
      </FormField>
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
