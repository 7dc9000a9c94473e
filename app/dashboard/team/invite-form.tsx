"use client";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { InviteInput } from "@/lib/tenants/fields";
import { inviteAction } from "./actions";

/** Managers see only "staff": the matrix lets them invite staff and no one else. */
export function InviteForm({ canInviteManagers }: { canInviteManagers: boolean }) {
  const { form, formError, onSubmit } = useActionForm(
    InviteInput,
    inviteAction,
    { email: "", role: "staff" },
    () => {
      toast({ title: "Invitation sent", description: form.getValues("email") });
      form.reset();
    },
  );
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 sm:flex-row sm:items-start">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <FormField label="Email" htmlFor="invite-email" error={e.email?.message} className="flex-1">
        <Input
          id="invite-email"
          type="email"
          autoComplete="off"
          {...fieldAria("invite-email", e.email?.message)}
          {...register("email")}
        />
      </FormField>
      <FormField label="Role" htmlFor="invite-role" error={e.role?.message} className="sm:w-40">
        <NativeSelect id="invite-role" {...register("role")}>
          <option value="staff">Staff</option>
          {canInviteManagers && <option value="manager">Manager</option>}
        </NativeSelect>
      </FormField>
      <Button type="submit" className="sm:mt-6" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
