import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isPracticeSuspended } from "@/lib/admin";
import { currentSession } from "../_lib/session";

export const metadata: Metadata = { title: "Practice suspended" };

/**
 * Where the dashboard guard (requireStaffMember) sends the team of a suspended practice. Once the
 * practice is reactivated this page sends them back to the dashboard.
 */
export default async function SuspendedPage() {
  const context = await currentSession();
  if (!context) redirect("/login");
  const membership = context.membership;
  if (!membership || membership.role === "customer") redirect("/dashboard");
  const actor = { kind: "member", userId: context.user.id, ...membership } as const;
  if (!(await isPracticeSuspended(actor))) redirect("/dashboard");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>This practice is suspended</CardTitle>
          <CardDescription>
            Its dashboard, booking page and API are unavailable for now. Nothing has been deleted: when the
            practice is reactivated, everything is back as it was.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm">
          <p>If you think this is a mistake, contact Boka support and mention your practice's address.</p>
          <form action="/logout" method="post">
            <Button type="submit" variant="outline">
              Log out
            </Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
