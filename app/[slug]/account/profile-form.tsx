"use client";
import { InputField } from "@/components/forms/input-field";
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
      <InputField
        label="Name"
        registration={register("name")}
        error={errors.name?.message}
        autoComplete="name"
      />
      <FormField label="Email" htmlFor="account-email" hint={emailHint}>
        <Input
          id="account-email"
          value={email}
          readOnly
          {...fieldAria("account-email", undefined, emailHint)}
        />
      </FormField>
      <InputField
        label="Phone (optional)"
        registration={register("phone")}
        error={errors.phone?.message}
        type="tel"
        autoComplete="tel"
      />
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
