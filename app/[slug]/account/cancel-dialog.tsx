"use client";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
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
import { CancelFields } from "@/lib/customers/fields";
import { cancelBookingAction } from "./actions";

const Fields = CancelFields.omit({ bookingId: true });

type Props = { slug: string; bookingId: string; summary: string };

export function CancelDialog({ slug, bookingId, summary }: Props) {
  const [open, setOpen] = useState(false);
  const { form, formError, onSubmit } = useActionForm(
    Fields,
    (values) => cancelBookingAction({ ...values, bookingId, slug }),
    { reason: "" },
    () => {
      setOpen(false);
      toast({ title: "Booking cancelled" });
    },
  );
  const { register, formState } = form;
  const error = formState.errors.reason?.message;
  const id = `reason-${bookingId}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Cancel
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel this booking?</DialogTitle>
          <DialogDescription>{summary}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert variant="destructive">{formError}</Alert>}
          <FormField label="Reason (optional)" htmlFor={id} error={error}>
            <Textarea id={id} rows={3} {...fieldAria(id, error)} {...register("reason")} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep booking</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? "Cancelling…" : "Cancel booking"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
