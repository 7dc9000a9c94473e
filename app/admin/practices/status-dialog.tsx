"use client";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { REASON_MIN, ReactivateFields, ReasonFields } from "@/lib/admin/fields";
import { reactivatePracticeAction, suspendPracticeAction } from "./actions";

type Practice = { id: string; name: string };

/** Suspend (reason required) or reactivate (reason optional) one practice, from its row. */
export function StatusDialog({ practice, suspended }: { practice: Practice; suspended: boolean }) {
  const [open, setOpen] = useState(false);
  const { form, formError, onSubmit } = useActionForm(
    suspended ? ReactivateFields : ReasonFields,
    (values) =>
      (suspended ? reactivatePracticeAction : suspendPracticeAction)({ ...values, tenantId: practice.id }),
    { reason: "" },
    () => {
      setOpen(false);
      form.reset({ reason: "" });
      toast({ title: `${practice.name} is ${suspended ? "active again" : "suspended"}`, variant: "success" });
    },
  );
  const id = `reason-${practice.id}`;
  const error = form.formState.errors.reason?.message;
  const hint = suspended ? undefined : `At least ${REASON_MIN} characters; a ticket number helps.`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={suspended ? "outline" : "destructive"} size="sm">
          {suspended ? "Reactivate" : "Suspend"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {suspended ? "Reactivate" : "Suspend"} {practice.name}
          </DialogTitle>
          <DialogDescription>
            {suspended
              ? "Its booking page, dashboard and API work again at once. Nothing was deleted while it was suspended."
              : "Its booking page and public API answer “not found”, new bookings are refused and its team sees a “practice suspended” page instead of the dashboard. The reason goes into the practice's audit log, where its owners can read it."}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          <FormField
            label={suspended ? "Reason (optional)" : "Reason"}
            htmlFor={id}
            error={error}
            hint={hint}
          >
            <Textarea id={id} rows={3} {...form.register("reason")} {...fieldAria(id, error, hint)} />
          </FormField>
          <DialogFooter>
            <Button
              type="submit"
              variant={suspended ? "default" : "destructive"}
              disabled={form.formState.isSubmitting}
            >
              {form.formState.isSubmitting
                ? "Saving…"
                : suspended
                  ? "Reactivate practice"
                  : "Suspend practice"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
