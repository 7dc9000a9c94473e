import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ALERT_KINDS, ALERT_LABELS, myAlertPreferences } from "@/lib/notifications";
import { requireStaffMember } from "../../../_lib/session";
import { saveAlertsAction } from "./actions";

export const metadata: Metadata = { title: "Alerts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each member's own choice of staff alert emails; owners and managers get all kinds, staff their own bookings'. */
export default async function AlertsPage({ searchParams }: Props) {
  const { actor } = await requireStaffMember();
  const params = await searchParams;
  const prefs = await myAlertPreferences(actor);
  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Email alerts</CardTitle>
        <CardDescription>Which booking alerts you receive by email at this practice.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {params.saved && <Alert>Saved.</Alert>}
        {params.error && <Alert variant="destructive">Could not save; please try again.</Alert>}
        <form action={saveAlertsAction} className="flex flex-col gap-3">
          {ALERT_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={kind} defaultChecked={prefs[kind]} /> {ALERT_LABELS[kind]}
            </label>
          ))}
          <Button type="submit" className="self-start">
            Save
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
