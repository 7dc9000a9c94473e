"use client";
import type { ActionResult } from "@/components/forms/action-result";
import { InputField } from "@/components/forms/input-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { CalDavConnectFields } from "@/lib/calendar-sync/fields";

/** Connect a CalDAV account (iCloud, Fastmail, Nextcloud…) with an app-specific password. */
export function CalDavConnectForm({
  staffId,
  connect,
}: {
  staffId: string;
  connect: (values: CalDavConnectFields) => Promise<ActionResult<unknown>>;
}) {
  const empty = { staffId, label: "", serverUrl: "", username: "", password: "" };
  const { form, formError, onSubmit } = useActionForm(CalDavConnectFields, connect, empty, () => {
    toast({ title: "Calendar connected", variant: "success" });
    form.reset(empty);
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-md border p-3">
      <p className="text-sm font-medium">Connect a CalDAV calendar</p>
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Name"
          id="caldav-label"
          registration={register("label")}
          error={errors.label?.message}
        />
        <InputField
          label="Server address"
          id="caldav-server"
          placeholder="https://caldav.icloud.com"
          registration={register("serverUrl")}
          error={errors.serverUrl?.message}
        />
        <InputField
          label="Username"
          id="caldav-username"
          autoComplete="off"
          registration={register("username")}
          error={errors.username?.message}
        />
        <InputField
          label="App password"
          id="caldav-password"
          type="password"
          autoComplete="new-password"
          registration={register("password")}
          error={errors.password?.message}
        />
      </div>
      <Button type="submit" size="sm" className="self-start" disabled={formState.isSubmitting}>
        Connect
      </Button>
    </form>
  );
}
