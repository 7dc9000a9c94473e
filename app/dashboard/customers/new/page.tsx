import type { Metadata } from "next";
import { CustomerForm } from "@/components/dashboard/customer-form";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { can } from "@/lib/auth";
import { requireStaffMember } from "../../../_lib/session";
import { NotAllowed } from "../../not-allowed";
import { createCustomerAction } from "../actions";

export const metadata: Metadata = { title: "Add customer" };

export default async function NewCustomerPage() {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "customers.manage")) return <NotAllowed action="customers.manage" />;
  return (
    <div className="max-w-xl">
      <PageHeader title="Add customer" />
      <Card>
        <CardContent className="pt-6">
          <CustomerForm
            create={createCustomerAction}
            initial={{ name: "", email: "", phone: "", notes: "" }}
            canEdit
          />
        </CardContent>
      </Card>
    </div>
  );
}
