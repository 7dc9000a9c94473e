import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/dashboard/page-header";
import { requirePlatformAdmin } from "../../../_lib/guard";
import { SupportView } from "./support-view";

export const metadata: Metadata = { title: "View bookings as support" };

/**
 * Nothing of the practice is read here: its bookings load only through the audited action, after the
 * admin has given a reason (see ./support-view.tsx).
 */
export default async function SupportViewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePlatformAdmin();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return (
    <div className="flex max-w-6xl flex-col gap-4">
      <PageHeader
        title="View bookings as support"
        description={
          <>
            Read-only. Every opening is written to the practice's audit log, where its owners and managers see
            your email and reason, and to the platform log.{" "}
            <Link className="underline" href="/admin/practices">
              Back to practices
            </Link>
          </>
        }
      />
      <SupportView tenantId={id} />
    </div>
  );
}
