"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/_lib/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = {
  token: string;
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  label: string;
  done: string;
};

/**
 * The link's page asks for a click before using the token: mail scanners that open links must not spend
 * a single-use token on the person's behalf.
 */
export function ConfirmLink({ token, action, label, done }: Props) {
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<ActionResult<unknown> | null>(null);
  if (outcome?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success">{done}</Alert>
        <Link className="text-sm underline" href="/dashboard">
          Go to your dashboard
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {outcome && (
        <Alert variant="destructive">
          {outcome.fieldErrors.token ?? outcome.fieldErrors.form ?? outcome.message}
        </Alert>
      )}
      <Button disabled={pending} onClick={() => start(async () => setOutcome(await action({ token })))}>
        {pending ? "Confirming…" : label}
      </Button>
    </div>
  );
}
