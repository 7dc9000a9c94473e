"use client";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { SignUpFields } from "@/lib/tenants/fields";
import { signUpAction } from "./actions";

function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/London";
}

export function SignUpForm({ timeZones, currencies }: { timeZones: string[]; currencies: string[] }) {
  const { form, formError, onSubmit } = useActionForm(SignUpFields, signUpAction, {
    businessName: "",
    slug: "",
    timeZone: browserTimeZone(),
    currency: "GBP",
    ownerName: "",
    email: "",
    password: "",
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const businessName = register("businessName", {
    onChange: (e) => {
      if (!formState.dirtyFields.slug) form.setValue("slug", suggestSlug(e.target.value));
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Business name" htmlFor="businessName" error={errors.businessName?.message}>
        <Input id="businessName" autoComplete="organization" {...businessName} />
      </FormField>
      <FormField
        label="Booking page address"
        htmlFor="slug"
        error={errors.slug?.message}
        hint="Lowercase letters, digits and dashes: your page will be /your-address"
      >
        <Input id="slug" autoCapitalize="none" spellCheck={false} {...register("slug")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Time zone" htmlFor="timeZone" error={errors.timeZone?.message}>
          <NativeSelect id="timeZone" {...register("timeZone")}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Currency" htmlFor="currency" error={errors.currency?.message}>
          <NativeSelect id="currency" {...register("currency")}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField label="Your name" htmlFor="ownerName" error={errors.ownerName?.message}>
        <Input id="ownerName" autoComplete="name" {...register("ownerName")} />
      </FormField>
      <FormField label="Email" htmlFor="email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" {...register("email")} />
      </FormField>
      <FormField
        label="Password"
        htmlFor="password"
        error={errors.password?.message}
        hint="At least 12 characters. A passphrase of a few words works well."
      >
        <Input id="password" type="password" autoComplete="new-password" {...register("password")} />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating your practice…" : "Create practice"}
      </Button>
    </form>
  );
}
