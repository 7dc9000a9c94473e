import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { StaffForm } from "@/components/dashboard/staff-form";
import { Card, CardContent } from "@/components/ui/card";
import { canManage, listLinkableMembers } from "@/lib/catalogue";
import { timeZoneOptions } from "@/lib/tenants/fields";
import { currentPractice, requireStaffMember } from "../../../_lib/session";
import { createStaffAction } from "../actions";

export const metadata: Metadata = { title: "Add staff member" };

export default async function NewStaffPage() {
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  return (
    <div className="max-w-xl">
      <PageHeader title="Add staff member" description="You can set their working hours next." />
      <Card>
        <CardContent className="pt-6">
          <StaffForm
            create={createStaffAction}
            initial={{ displayName: "", userId: "", timeZone: "", isActive: true }}
            members={await listLinkableMembers(actor)}
            timeZones={timeZoneOptions()}
            practiceTimeZone={tenant.timeZone}
            canEdit={canManage(actor)}
          />
        </CardContent>
      </Card>
    </div>
  );
}
