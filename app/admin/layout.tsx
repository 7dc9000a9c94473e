import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentSession } from "../_lib/session";
import { adminCheck } from "./_lib/guard";

export const metadata: Metadata = {
  title: { default: "Platform admin", template: "%s · Platform admin · Boka" },
};

const NAV = [
  { label: "Overview", href: "/admin" },
  { label: "Practices", href: "/admin/practices" },
  { label: "Jobs", href: "/admin/jobs" },
];

/** The console's frame. Pages check the admin again themselves (see ./_lib/guard.ts). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const check = await adminCheck();
  if (check.status === "signed_out") redirect("/login");
  if (check.status === "not_admin") notFound();
  const context = await currentSession();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b px-6 py-3 text-sm">
        <div className="flex items-center gap-4">
          <span className="font-semibold">
            Boka <Badge variant="outline">platform admin</Badge>
          </span>
          {check.status === "ok" ? (
            <nav aria-label="Platform admin" className="flex gap-1">
              {NAV.map((item) => (
                <Link key={item.href} href={item.href} className="rounded-md px-3 py-2 hover:bg-accent">
                  {item.label}
                </Link>
              ))}
            </nav>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <span className="text-muted-foreground">{context?.user.email}</span>
          <form action="/logout" method="post">
            <Button type="submit" variant="outline" size="sm">
              Log out
            </Button>
          </form>
        </div>
      </header>
      <main className="flex-1 p-6">{children}</main>
    </div>
  );
}
