import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { assertPlatformAdmin, checkPlatformAdmin, type PlatformAdmin } from "@/lib/admin";
import { currentSession } from "../../_lib/session";

/** The admin check for this render (the flag is still read from the database on every request). */
export const adminCheck = cache(async () => checkPlatformAdmin(await currentSession()));

/**
 * For /admin pages: log in first; anyone but a platform admin gets a plain 404 (the console is not
 * announced); an admin without MFA sets it up at /admin/mfa. Every page calls this itself — layouts
 * render alongside pages, so a check in the layout alone would not guard a page's data.
 */
export async function requirePlatformAdmin(): Promise<PlatformAdmin> {
  const check = await adminCheck();
  if (check.status === "signed_out") redirect("/login");
  if (check.status === "not_admin") notFound();
  if (check.status === "mfa_required") redirect("/admin/mfa");
  return check.admin;
}

/** For server actions: the same rules as the JSON API (403 with a clear message, shown in the form). */
export async function adminForAction(): Promise<PlatformAdmin> {
  return assertPlatformAdmin(await currentSession());
}
