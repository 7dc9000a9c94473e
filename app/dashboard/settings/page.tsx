import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth";
import { currencyOptions, timeZoneOptions } from "@/lib/tenants/fields";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { NotAllowed } from "../not-allowed";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "settings.view")) return <NotAllowed action="settings.view" />;
  const tenant = await currentPractice();
  const canEdit = can(actor.role, "settings.manage");
  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Practice settings</CardTitle>
        <CardDescription>
          {canEdit
            ? "Changes apply to your booking page and calendar straight away."
            : "Only the practice owner can change these settings."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SettingsForm
          initial={{
            name: tenant.name,
            timeZone: tenant.timeZone,
            currency: tenant.currency,
            holdMinutes: tenant.holdMinutes,
          }}
          timeZones={timeZoneOptions()}
          currencies={currencyOptions()}
          canEdit={canEdit}
        />
      </CardContent>
    </Card>
  );
}
