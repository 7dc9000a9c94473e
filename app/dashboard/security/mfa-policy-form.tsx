"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { MFA_POLICY_ROLES, type MfaPolicyRole } from "@/lib/auth/fields";
import { updateMfaPolicyAction } from "./actions";

const LABELS: Record<MfaPolicyRole, string> = { owner: "Owners", manager: "Managers", staff: "Staff" };

/** Which roles at this practice must use two-factor authentication; only owners may change it. */
export function MfaPolicyForm({ initial, canEdit }: { initial: MfaPolicyRole[]; canEdit: boolean }) {
  const [roles, setRoles] = useState<MfaPolicyRole[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = (role: MfaPolicyRole, on: boolean) =>
    setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));
  const save = () =>
    startTransition(async () => {
      setError(null);
      const result = await updateMfaPolicyAction({ roles });
      if (result.ok) toast({ title: "Two-factor requirement saved" });
      else setError(result.message);
    });
  return (
    <fieldset disabled={!canEdit || pending} className="flex flex-col gap-3">
      <legend className="mb-2 text-sm">Require two-factor authentication for:</legend>
      {error && <Alert variant="destructive">{error}</Alert>}
      {MFA_POLICY_ROLES.map((role) => (
        <label key={role} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={roles.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          {LABELS[role]}
        </label>
      ))}
      {canEdit && (
        <Button className="self-start" onClick={save}>
          {pending ? "Saving…" : "Save requirement"}
        </Button>
      )}
    </fieldset>
  );
}
