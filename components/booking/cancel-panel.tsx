"use client";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { ApiError, describeError, type ManagedBooking, publicApi } from "./api";

const REASON_MAX = 500;
const REASON_HINT = "Shared with the practice.";

/** The confirm step before cancelling, with an optional reason for the practice. */
export function CancelPanel({
  bookingId,
  token,
  onCancelled,
  onClose,
}: {
  bookingId: string;
  token: string;
  onCancelled: (booking: ManagedBooking) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length > REASON_MAX) {
      setFieldError(`Keep the reason under ${REASON_MAX} characters`);
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      onCancelled(await publicApi.cancel(bookingId, token, trimmed || undefined));
    } catch (error) {
      const reasonError =
        error instanceof ApiError
          ? error.problem?.errors?.find((e) => e.field === "reason")?.message
          : undefined;
      if (reasonError) setFieldError(reasonError);
      else setFormError(describeError(error));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-md border p-4">
      <h3 className="font-semibold">Cancel this booking?</h3>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Reason (optional)" htmlFor="cancel-reason" error={fieldError} hint={REASON_HINT}>
        <Textarea
          id="cancel-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...fieldAria("cancel-reason", fieldError, REASON_HINT)}
        />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="destructive" disabled={busy}>
          {busy ? "Cancelling…" : "Yes, cancel booking"}
        </Button>
        <Button variant="outline" onClick={onClose} disabled={busy}>
          Keep my booking
        </Button>
      </div>
    </form>
  );
}
