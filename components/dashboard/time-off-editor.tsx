"use client";
import { useTransition } from "react";
import type { ServerAction } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { TimeOffFields } from "@/lib/catalogue/fields";

type Entry = { id: string; startsAt: string; endsAt: string; reason: string };

const show = (local: string) => local.replace("T", " ");

export function TimeOffEditor({
  staffId,
  entries,
  canEdit,
  add,
  remove,
}: {
  staffId: string;
  entries: Entry[];
  canEdit: boolean;
  add: ServerAction;
  remove: ServerAction;
}) {
  return (
    <div className="flex flex-col gap-4">
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No upcoming time off.</p>
      ) : (
        <ul className="divide-y rounded-md border">
          {entries.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <span className="font-medium">
                  {show(t.startsAt)} – {show(t.endsAt)}
                </span>
                {t.reason ? ` · ${t.reason}` : null}
              </span>
              {canEdit ? <RemoveTimeOff staffId={staffId} entry={t} remove={remove} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <AddTimeOff staffId={staffId} add={add} /> : null}
    </div>
  );
}

function RemoveTimeOff({ staffId, entry, remove }: { staffId: string; entry: Entry; remove: ServerAction }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await remove({ id: staffId, timeOffId: entry.id });
          if (!result.ok) toast({ title: result.message, variant: "destructive" });
        })
      }
    >
      Remove<span className="sr-only"> time off from {show(entry.startsAt)}</span>
    </Button>
  );
}

function AddTimeOff({ staffId, add }: { staffId: string; add: ServerAction }) {
  const empty = { startsAt: "", endsAt: "", reason: "" };
  const { form, formError, onSubmit } = useActionForm(
    TimeOffFields,
    (values) => add({ ...values, id: staffId }),
    empty,
    () => {
      toast({ title: "Time off added", variant: "success" });
      form.reset(empty);
    },
  );
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-md border p-3">
      <p className="text-sm font-medium">Add time off</p>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="From"
          registration={register("startsAt")}
          id="timeoff-start"
          error={errors.startsAt?.message}
          type="datetime-local"
        />
        <InputField
          label="Until"
          registration={register("endsAt")}
          id="timeoff-end"
          error={errors.endsAt?.message}
          type="datetime-local"
        />
      </div>
      <InputField
        label="Reason (optional)"
        registration={register("reason")}
        id="timeoff-reason"
        error={errors.reason?.message}
      />
      <Button type="submit" size="sm" className="self-start" disabled={formState.isSubmitting}>
        Add time off
      </Button>
    </form>
  );
}
