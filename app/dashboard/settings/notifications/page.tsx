import type { Metadata } from "next";
import { ZodError } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { can } from "@/lib/auth";
import {
  getNotificationSettings,
  listMessageTemplates,
  previewMessage,
  TEMPLATE_VARIABLES,
} from "@/lib/notifications";
import { requireStaffMember } from "../../../_lib/session";
import { NotAllowed } from "../../not-allowed";
import { saveSettingsAction, templateAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NotificationsSettingsPage({ searchParams }: Props) {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "settings.view")) return <NotAllowed action="settings.view" />;
  const params = await searchParams;
  const canEdit = can(actor.role, "settings.manage");
  const [settings, templates] = await Promise.all([
    getNotificationSettings(actor),
    listMessageTemplates(actor),
  ]);
  const previewKind = one(params.preview);
  const draft = one(params.intro);
  const preview = templates.find((t) => t.kind === previewKind)
    ? await previewMessage(actor, previewKind, draft).catch((e: unknown) => ({
        error: e instanceof ZodError ? (e.issues[0]?.message ?? "Invalid intro") : "Preview failed",
      }))
    : null;
  const hours = [0, 1, 2].map((i) => {
    const m = settings.reminderOffsetsMinutes[i];
    return m === undefined ? "" : String(m / 60);
  });
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      {one(params.saved) && <Alert>Saved.</Alert>}
      {one(params.error) && <Alert variant="destructive">{one(params.error)}</Alert>}
      <Card>
        <CardHeader>
          <CardTitle>Customer messages</CardTitle>
          <CardDescription>
            What every confirmation, change and reminder tells your customers.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form action={saveSettingsAction} className="flex flex-col gap-4">
            <fieldset disabled={!canEdit} className="flex flex-col gap-4">
              <Label htmlFor="address">Address</Label>
              <Textarea id="address" name="address" defaultValue={settings.address} maxLength={500} />
              <Label htmlFor="customerNote">Note for customers (parking, what to bring…)</Label>
              <Textarea
                id="customerNote"
                name="customerNote"
                defaultValue={settings.customerNote}
                maxLength={1000}
              />
              <span className="text-sm font-medium">
                Reminders, hours before the start (up to three; empty = none)
              </span>
              <div className="flex gap-2">
                {hours.map((h, i) => (
                  <Input
                    key={`r${i + 1}`}
                    aria-label={`Reminder ${i + 1}, hours before`}
                    name="reminderHours"
                    type="number"
                    min={0.25}
                    max={336}
                    step={0.25}
                    defaultValue={h}
                  />
                ))}
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="smsReminders" defaultChecked={settings.smsReminders} /> Also text
                reminders to customers who gave a phone number
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="thankYouEnabled" defaultChecked={settings.thankYouEnabled} />{" "}
                Send a thank-you two hours after the visit
              </label>
              <Label htmlFor="window">
                Requests wait for confirmation for (hours, then declined automatically)
              </Label>
              <Input
                id="window"
                name="confirmationWindowHours"
                type="number"
                min={1}
                max={168}
                step={1}
                defaultValue={settings.confirmationWindowMinutes / 60}
              />
              {canEdit && <Button type="submit">Save</Button>}
            </fieldset>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Templates</CardTitle>
          <CardDescription>
            Edit the opening text of each message. Variables:{" "}
            {TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(" ")}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {templates.map((t) => (
            <section key={t.kind} id={t.kind} className="flex flex-col gap-2">
              <h3 className="font-medium">
                {t.label} {t.customised && <span className="text-xs text-muted-foreground">(edited)</span>}
              </h3>
              <p className="text-sm text-muted-foreground">Subject: {t.subject}</p>
              <form action={templateAction} className="flex flex-col gap-2">
                <input type="hidden" name="kind" value={t.kind} />
                <Textarea
                  aria-label={`${t.label} intro`}
                  name="intro"
                  defaultValue={t.intro}
                  rows={4}
                  disabled={!canEdit}
                />
                <div className="flex gap-2">
                  {canEdit && (
                    <Button type="submit" name="intent" value="save">
                      Save
                    </Button>
                  )}
                  {canEdit && t.customised && (
                    <Button type="submit" name="intent" value="reset" variant="outline">
                      Reset to default
                    </Button>
                  )}
                  <Button
                    type="submit"
                    formAction="/dashboard/settings/notifications"
                    formMethod="get"
                    name="preview"
                    value={t.kind}
                    variant="secondary"
                  >
                    Preview
                  </Button>
                </div>
              </form>
              {previewKind === t.kind && preview && (
                <section className="rounded border p-3 text-sm" aria-label={`${t.label} preview`}>
                  {"error" in preview ? (
                    <p className="text-destructive">{preview.error}</p>
                  ) : (
                    <>
                      <p className="font-medium">{preview.subject}</p>
                      <pre className="whitespace-pre-wrap">{preview.text}</pre>
                    </>
                  )}
                </section>
              )}
            </section>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
