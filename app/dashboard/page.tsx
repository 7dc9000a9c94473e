import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentPractice, requireStaffMember } from "../_lib/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { context, actor } = await requireStaffMember();
  const tenant = await currentPractice();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Welcome, {context.user.name}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{tenant.name}</CardTitle>
          <CardDescription>
            Time zone {tenant.timeZone} · prices in {tenant.currency}
          </CardDescription>
        </CardHeader>
        <CardContent className="text-sm">
          Your booking page will live at <code>/{tenant.slug}</code>.{" "}
          {actor.role === "owner" && (
            <Link className="underline" href="/dashboard/settings">
              Edit practice settings
            </Link>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
