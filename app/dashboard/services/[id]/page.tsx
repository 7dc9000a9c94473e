import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/dashboard/page-header";
import { ServiceForm } from "@/components/dashboard/service-form";
import { Card, CardContent } from "@/components/ui/card";
import { canManage, getServiceForm, listResources, listStaff } from "@/lib/catalogue";
import { NotFound } from "@/lib/errors";
import { requireStaffMember } from "../../../_lib/session";
import { updateServiceAction } from "../actions";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireStaffMember();
  if (!z.uuid().safeParse(id).success) notFound();
  const service = await getServiceForm(actor, id).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const [staff, { types }] = await Promise.all([listStaff(actor), listResources(actor)]);
  const manager = canManage(actor);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={service.name}
        description={
          manager ? "Changes apply to new bookings; existing bookings keep what was agreed." : undefined
        }
      />
      <Card>
        <CardContent className="pt-6">
          <ServiceForm
            id={id}
            update={updateServiceAction}
            currency={service.currency}
            staff={staff.map((s) => ({ id: s.id, name: s.displayName, isActive: s.isActive }))}
            resourceTypes={types}
            canEdit={manager}
            initial={service.values}
          />
        </CardContent>
      </Card>
    </div>
  );
}
