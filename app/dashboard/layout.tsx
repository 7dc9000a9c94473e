import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentPractice, requireStaffMember } from "../_lib/session";
import { AccountBanner } from "./account/account-banner";
import { DASHBOARD_NAV } from "./nav";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { context, actor } = await requireStaffMember();
  const tenant = await currentPractice();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="border-b bg-muted/40 md:w-60 md:border-r md:border-b-0">
        <div className="flex items-center justify-between p-4 md:block">
          <div>
            <p className="font-semibold" data-testid="tenant-name">
              {tenant.name}
            </p>
            <p className="text-xs text-muted-foreground">/{tenant.slug}</p>
          </div>
        </div>
        <nav aria-label="Dashboard" className="flex gap-1 overflow-x-auto px-2 pb-2 md:flex-col">
          {DASHBOARD_NAV.map((item) =>
            item.href ? (
              <Link
                key={item.label}
                href={item.href}
                className="rounded-md px-3 py-2 text-sm hover:bg-accent"
              >
                {item.label}
              </Link>
            ) : (
              <span
                key={item.label}
                aria-disabled="true"
                className="flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm text-muted-foreground"
              >
                {item.label} <Badge variant="outline">soon</Badge>
              </span>
            ),
          )}
        </nav>
      </aside>
      <div className="flex flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b px-6 py-3 text-sm">
          <span>
            {context.user.name} · <span className="text-muted-foreground">{actor.role}</span>
          </span>
          <form action="/logout" method="post">
            <Button type="submit" variant="outline" size="sm">
              Log out
            </Button>
          </form>
        </header>
        <main className="flex-1 p-6">
          <AccountBanner context={context} actor={actor} />
          {children}
        </main>
      </div>
    </div>
  );
}
