import type { Metadata } from "next";
import { CustomerForm } from "@/components/dashboard/customer-form";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireStaffMember } from "../../../_lib/session";

export const metadata: Metadata = { title: "Add customer" };

export default async function NewCustomerPage() {
  await requireStaffMember();
  return (
    <div className="max-w-xl">
      <PageHeader title="Add customer" />
      <Card>
        <CardContent className="pt-6">
          <CustomerForm initial={{ name: "", email: "", phone: "", notes: "" }} canEdit />
        </CardContent>
      </Card>
    </div>
  );
}
