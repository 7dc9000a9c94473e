"use client";
import { useTransition } from "react";
import type { ServerAction } from "@/components/forms/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { ResourceFields, ResourceTypeFields } from "@/lib/catalogue/fields";
import { CheckboxField } from "./checkbox-field";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
      {message}
    </p>
  ) : null;
}

type TypeRow =
  | { type?: undefined; create: ServerAction }
  | { type: { id: string; name: string }; rename: ServerAction; remove: ServerAction };

/** One row: rename an existing type (with delete), or — without `type` — add a new one. */
export function ResourceTypeForm({ canEdit, ...row }: TypeRow & { canEdit: boolean }) {
  const type = row.type;
  const initial = { name: type?.name ?? "" };
  const { form, formError, onSubmit } = useActionForm(
    ResourceTypeFields,
    (values) => (row.type ? row.rename({ ...values, id: row.type.id }) : row.create(values)),
    initial,
    () => {
      toast({ title: type ? "Type renamed" : "Type added", variant: "success" });
      if (!type) form.reset(initial);
    },
  );
  const [deleting, startDelete] = useTransition();
  const id = `type-${type?.id ?? "new"}`;
  const error = form.formState.errors.name?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-1">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor={id} className={type ? "sr-only" : undefined}>
            {type ? `Name of ${type.name}` : "New type"}
          </Label>
          <Input
            id={id}
            disabled={!canEdit}
            placeholder="Treatment room"
            {...form.register("name")}
            {...fieldAria(id, error)}
          />
        </div>
        {canEdit ? (
          <Button
            type="submit"
            variant={type ? "outline" : "default"}
            size="sm"
            disabled={form.formState.isSubmitting}
          >
            {type ? "Rename" : "Add type"}
          </Button>
        ) : null}
        {canEdit && row.type ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={deleting}
            onClick={() =>
              startDelete(async () => {
                const result = await row.remove({ id: row.type.id });
                toast(
                  result.ok
                    ? { title: `${row.type.name} deleted` }
                    : { title: result.message, variant: "destructive" },
                );
              })
            }
          >
            Delete<span className="sr-only"> {row.type.name}</span>
          </Button>
        ) : null}
      </div>
      <FieldError id={id} message={error} />
    </form>
  );
}

type Resource = { id: string; name: string; typeId: string; isActive: boolean };

type ResourceRow =
  | { resource?: undefined; create: ServerAction }
  | { resource: Resource; update: ServerAction };

/** One row: edit a room or piece of equipment, or — without `resource` — add one. */
export function ResourceForm({
  types,
  canEdit,
  ...row
}: ResourceRow & {
  types: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const resource = row.resource;
  const initial = {
    name: resource?.name ?? "",
    typeId: resource?.typeId ?? types[0]?.id ?? "",
    isActive: resource?.isActive ?? true,
  };
  const { form, formError, onSubmit } = useActionForm(
    ResourceFields,
    (values) => (row.resource ? row.update({ ...values, id: row.resource.id }) : row.create(values)),
    initial,
    () => {
      toast({ title: resource ? "Saved" : "Added", variant: "success" });
      if (!resource) form.reset(initial);
    },
  );
  const key = resource?.id ?? "new";
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-1 border-b pb-3 last:border-0">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <fieldset disabled={!canEdit} className="flex flex-wrap items-end gap-2">
        <div className="grid min-w-40 flex-1 gap-1.5">
          <Label htmlFor={`res-name-${key}`}>{resource ? "Name" : "New room or equipment"}</Label>
          <Input
            id={`res-name-${key}`}
            placeholder="Room 1"
            {...form.register("name")}
            {...fieldAria(`res-name-${key}`, errors.name?.message)}
          />
        </div>
        <div className="grid min-w-40 gap-1.5">
          <Label htmlFor={`res-type-${key}`}>Type</Label>
          <NativeSelect
            id={`res-type-${key}`}
            {...form.register("typeId")}
            {...fieldAria(`res-type-${key}`, errors.typeId?.message)}
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="pb-2">
          <CheckboxField id={`res-active-${key}`} label="In use" {...form.register("isActive")} />
        </div>
        {canEdit ? (
          <Button
            type="submit"
            size="sm"
            variant={resource ? "outline" : "default"}
            disabled={form.formState.isSubmitting}
          >
            {resource ? "Save" : "Add"}
          </Button>
        ) : null}
      </fieldset>
      <FieldError id={`res-name-${key}`} message={errors.name?.message} />
      <FieldError id={`res-type-${key}`} message={errors.typeId?.message} />
    </form>
  );
}
