import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { ServiceForm } from "@/components/dashboard/service-form";
import { Card, CardContent } from "@/components/ui/card";
import { canManage, listResources, listStaff } from "@/lib/catalogue";
import { currentPractice, requireStaffMember } from "../../../_lib/session";
import { createServiceAction } from "../actions";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const { actor } = await requireStaffMember();
  const tenant = await currentPractice();
  const [staff, { types }] = await Promise.all([listStaff(actor), listResources(actor)]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="New service" />
      <Card>
        <CardContent className="pt-6">
          <ServiceForm
            create={createServiceAction}
            currency={tenant.currency}
            staff={staff.map((s) => ({ id: s.id, name: s.displayName, isActive: s.isActive }))}
            resourceTypes={types}
            canEdit={canManage(actor)}
            initial={{
              name: "",
              description: "",
              durationMinutes: 60,
              price: "0",
              bufferBeforeMinutes: 0,
              bufferAfterMinutes: 0,
              minNoticeMinutes: 60,
              maxDaysInAdvance: 60,
              slotIntervalMinutes: 15,
              capacity: 1,
              resourceTypeId: "",
              staffIds: [],
              requiresConfirmation: false,
              isActive: true,
              isPublic: true,
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
