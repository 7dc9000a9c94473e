"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmEnrolmentAction, startEnrolmentAction } from "./actions";
import { BackupCodes } from "./backup-codes";
import { CodeField } from "./code-field";

const CodeFields = z.object({ code: z.string().trim().min(1, "Enter the code from your authenticator app") });

type Stage =
  | { step: "start" }
  | { step: "scan"; secret: string; qrSvg: string }
  | { step: "codes"; codes: string[] };

/**
 * Enrolment: a new secret as a QR code (rendered on our server) and as text, then one current code
 * turns MFA on and the backup codes are shown once. `doneHref`: where to go afterwards (else refresh).
 */
export function EnrolMfa({ doneHref }: { doneHref?: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ step: "start" });
  const [error, setError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const { form, formError, onSubmit } = useActionForm(
    CodeFields,
    async (values) => {
      const result = await confirmEnrolmentAction(values);
      if (result.ok) setStage({ step: "codes", codes: result.data.backupCodes });
      return result;
    },
    { code: "" },
  );

  const begin = () =>
    startTransition(async () => {
      setError(null);
      const result = await startEnrolmentAction({});
      if (result.ok) setStage({ step: "scan", ...result.data });
      else setError(result.message);
    });

  if (stage.step === "codes") {
    return (
      <BackupCodes codes={stage.codes} onDone={() => (doneHref ? router.push(doneHref) : router.refresh())} />
    );
  }
  if (stage.step === "start") {
    return (
      <div className="flex flex-col gap-3">
        {error && <Alert variant="destructive">{error}</Alert>}
        <Button className="self-start" onClick={begin} disabled={starting}>
          {starting ? "Preparing…" : "Set up two-factor authentication"}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>Open an authenticator app (for example 1Password, Google Authenticator or Aegis).</li>
        <li>Scan the QR code, or type the setup key into the app.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div
        className="size-48 rounded-md border bg-white p-1 [&_svg]:size-full"
        role="img"
        aria-label="QR code for your authenticator app"
        // The SVG comes from our own server (lib/auth/qr.ts renders it locally); it holds no user markup.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered QR SVG, see above
        dangerouslySetInnerHTML={{ __html: stage.qrSvg }}
      />
      <p className="text-sm">
        Setup key:{" "}
        <code data-testid="mfa-secret" className="rounded bg-muted px-2 py-1 font-mono break-all select-all">
          {stage.secret}
        </code>
      </p>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <CodeField
        id="enrol-code"
        label="Code from your app"
        error={form.formState.errors.code?.message}
        registration={form.register("code")}
      />
      <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Checking…" : "Turn on"}
      </Button>
    </form>
  );
}
