import { bookingPageStatus } from "@/lib/auth";
import { getTenantSettings, updateTenantSettings, viewTenantSettings } from "@/lib/tenants";
import { SettingsPatch } from "../_lib/bodies";
import { memberRoute, ok } from "../_lib/member-route";

/** GET /api/v1/settings — owners and managers. */
export const GET = memberRoute("session", async ({ actor }) => {
  const settings = await viewTenantSettings(actor);
  const page = await bookingPageStatus(actor);
  return ok({ ...settings, publishedAt: page.publishedAt });
});

/** PATCH /api/v1/settings `{name?, time_zone?, currency?, hold_minutes?}` → the settings (owners); audited. */
export const PATCH = memberRoute("session", async ({ actor, json, ip }) => {
  const patch = await json(SettingsPatch);
  // The whole team may read the current values (they are the practice's name and zone); lib decides the write.
  const current = await getTenantSettings(actor);
  const saved = await updateTenantSettings(
    actor,
    {
      name: patch.name ?? current.name,
      timeZone: patch.time_zone ?? current.timeZone,
      currency: patch.currency ?? current.currency,
      holdMinutes: patch.hold_minutes ?? current.holdMinutes,
    },
    ip,
  );
  return ok(saved);
});
