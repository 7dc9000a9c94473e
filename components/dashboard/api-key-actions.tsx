"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { type IssuedKey, type KeyActionResult, SecretOnce } from "./api-key-form";

type Plain = { ok: true } | { ok: false; message: string };

/** Roll (new secret; the old one works for an hour) and revoke (at once), for one key's row. */
export function ApiKeyRowActions({
  id,
  name,
  roll,
  revoke,
}: {
  id: string;
  name: string;
  roll: (input: { id: string; graceHours: number }) => Promise<KeyActionResult>;
  revoke: (input: { id: string }) => Promise<Plain>;
}) {
  const [pending, start] = useTransition();
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await roll({ id, graceHours: 1 });
              if (result.ok) setIssued(result.data);
              else toast({ title: result.message, variant: "destructive" });
            })
          }
        >
          Roll<span className="sr-only"> {name}</span>
        </Button>
        <Button
          variant="destructive"
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              if (!window.confirm(`Revoke “${name}”? Requests with it fail at once.`)) return;
              const result = await revoke({ id });
              toast(result.ok ? { title: "Key revoked" } : { title: result.message, variant: "destructive" });
            })
          }
        >
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      </div>
      {issued ? <SecretOnce issued={issued} /> : null}
    </div>
  );
}
