"use client";
import { useState } from "react";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SignInCodeFields, SignInEmailFields } from "@/lib/customers/fields";
import { requestCodeAction, verifyCodeAction } from "./actions";

type Props = { slug: string; practiceName: string };

/** Two steps: an email, then the 6-digit code mailed to it. The first step answers the same for any address. */
export function SignInForm({ slug, practiceName }: Props) {
  const [email, setEmail] = useState<string | null>(null);
  return email === null ? (
    <EmailStep slug={slug} onSent={setEmail} />
  ) : (
    <CodeStep slug={slug} email={email} practiceName={practiceName} onRestart={() => setEmail(null)} />
  );
}

function EmailStep({ slug, onSent }: { slug: string; onSent: (email: string) => void }) {
  const { form, formError, onSubmit } = useActionForm(
    SignInEmailFields,
    async (values) => {
      const result = await requestCodeAction({ ...values, slug });
      if (result.ok) onSent(values.email);
      return result;
    },
    { email: "" },
  );
  const { register, formState } = form;
  const error = formState.errors.email?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <InputField
        label="Email"
        registration={register("email")}
        error={error}
        hint="The address you booked with."
        type="email"
        autoComplete="email"
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Email me a sign-in code"}
      </Button>
    </form>
  );
}

type CodeStepProps = { slug: string; email: string; practiceName: string; onRestart: () => void };

function CodeStep({ slug, email, practiceName, onRestart }: CodeStepProps) {
  const { form, formError, onSubmit } = useActionForm(
    SignInCodeFields,
    (values) => verifyCodeAction({ ...values, slug }),
    { email, code: "" },
  );
  const { register, formState } = form;
  const error = formState.errors.code?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Alert>
        If {email} belongs to a customer of {practiceName}, a 6-digit code is on its way. It works once, for
        10 minutes.
      </Alert>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <input type="hidden" {...register("email")} />
      <InputField
        label="Sign-in code"
        registration={register("code")}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Checking…" : "Sign in"}
        </Button>
        <Button type="button" variant="link" onClick={onRestart}>
          Use another email or send a new code
        </Button>
      </div>
    </form>
  );
}
