"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { unlockAction } from "./actions";

/** A button, not a plain link: mail scanners that prefetch links must not spend the single-use token. */
export function UnlockForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-4">
      {error && <Alert variant="destructive">{error}</Alert>}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await unlockAction({ token });
            if (!result.ok) setError(result.message);
          })
        }
      >
        {pending ? "Unlocking…" : "Unlock my account"}
      </Button>
    </div>
  );
}
