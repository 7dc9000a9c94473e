"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type Path, useForm } from "react-hook-form";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { InputField } from "@/components/forms/input-field";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiKeyForm, DEFAULT_RATE_LIMIT, SCOPE_NAMES, SCOPES } from "@/lib/api-keys/fields";

export type IssuedKey = { id: string; name: string; secret: string };
export type KeyActionResult =
  | { ok: true; data: IssuedKey }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/** The secret, once: after this the practice sees only its prefix. */
export function SecretOnce({ issued }: { issued: IssuedKey }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert variant="success" data-testid="api-key-secret">
      <AlertTitle>Copy the key for “{issued.name}” now: it is shown only once.</AlertTitle>
      <code className="block break-all rounded bg-background px-2 py-1 font-mono text-foreground">
        {issued.secret}
      </code>
      <Button
        type="button"
        size="sm"
        variant="outline"
        className="mt-2"
        onClick={async () => {
          await navigator.clipboard.writeText(issued.secret);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy key"}
      </Button>
    </Alert>
  );
}

/** Name, scopes, optional expiry and (owners) the per-minute limit; the new secret appears above. */
export function NewApiKeyForm({
  action,
  owner,
}: {
  action: (values: ApiKeyForm) => Promise<KeyActionResult>;
  owner: boolean;
}) {
  const empty: ApiKeyForm = {
    name: "",
    scopes: [],
    expiresOn: "",
    rateLimitPerMinute: String(DEFAULT_RATE_LIMIT),
  };
  const form = useForm<ApiKeyForm>({ resolver: zodResolver(ApiKeyForm), defaultValues: empty });
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      setIssued(result.data);
      form.reset(empty);
      return;
    }
    const fields = Object.entries(result.fieldErrors).filter(([f]) => f in values);
    for (const [field, message] of fields)
      form.setError(field as Path<ApiKeyForm>, { type: "server", message });
    if (fields.length === 0) setFormError(result.message);
  });
  return (
    <div className="flex flex-col gap-4">
      {issued ? <SecretOnce issued={issued} /> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {formError && <Alert variant="destructive">{formError}</Alert>}
        <InputField label="Name" registration={form.register("name")} error={errors.name?.message} />
        <fieldset className="grid gap-2" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          {SCOPE_NAMES.map((scope) => (
            <CheckboxField
              key={scope}
              id={`scope-${scope}`}
              label={scope}
              hint={SCOPES[scope].label}
              value={scope}
              {...form.register("scopes")}
            />
          ))}
          {errors.scopes ? (
            <p id="scopes-error" className="text-sm text-destructive">
              {errors.scopes.message}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            label="Expires on (optional)"
            type="date"
            registration={form.register("expiresOn")}
            error={errors.expiresOn?.message}
          />
          <InputField
            label="Requests per minute"
            inputMode="numeric"
            registration={form.register("rateLimitPerMinute")}
            error={errors.rateLimitPerMinute?.message}
            readOnly={!owner}
            hint={owner ? undefined : "Only an owner can change the limit."}
          />
        </div>
        <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
          Create key
        </Button>
      </form>
    </div>
  );
}
