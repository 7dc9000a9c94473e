"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useDeskActions } from "./desk-actions";

/**
 * Cancels at the desk. The booking's cancellation policy decides the refund and any late fee; a reason
 * in the override field sets the policy aside (full refund, no fee) and is kept in the audit log.
 */
export function CancelForm({
  bookingId,
  onBack,
  onDone,
}: {
  bookingId: string;
  onBack: () => void;
  onDone: () => void;
}) {
  const { cancelBooking: cancel } = useDeskActions();
  const [reason, setReason] = useState("");
  const [override, setOverride] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await cancel({ bookingId, reason, overrideReason: override });
          if (result.ok) onDone();
          else {
            setOverrideError(result.fieldErrors.overrideReason ?? null);
            setError(
              result.fieldErrors.reason ?? (result.fieldErrors.overrideReason ? null : result.message),
            );
          }
        });
      }}
    >
      <FormField label="Why is it cancelled?" htmlFor="cancel-reason" error={error ?? undefined}>
        <Textarea
          id="cancel-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...fieldAria("cancel-reason", error ?? undefined)}
        />
      </FormField>
      <FormField
        label="Set the cancellation policy aside? Say why (optional)"
        htmlFor="cancel-override"
        hint="Leave empty to apply the booking's policy. With a reason, everything paid is refunded and no fee is charged."
        error={overrideError ?? undefined}
      >
        <Textarea
          id="cancel-override"
          rows={2}
          value={override}
          onChange={(e) => setOverride(e.target.value)}
          {...fieldAria("cancel-override", overrideError ?? undefined, "hint")}
        />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" variant="destructive" size="sm" disabled={pending}>
          Cancel booking
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onBack}>
          Back
        </Button>
      </div>
    </form>
  );
}
