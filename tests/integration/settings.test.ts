import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, tables, withTenant } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { getTenantSettings, TenantSettingsInput, updateTenantSettings } from "@/lib/tenants";
import { addMember, createPractice } from "../support/factory";

afterAll(closeDatabase);

describe("practice settings", () => {
  it("the owner changes name, time zone, currency and hold time, audited with before/after", async () => {
    const practice = await createPractice();
    const input = TenantSettingsInput.parse({
      name: "Renamed Clinic",
      timeZone: "Australia/Sydney",
      currency: "aud",
      holdMinutes: "25",
    });
    await updateTenantSettings(practice.owner.actor, input, "198.51.100.1");
    expect(await getTenantSettings(practice.owner.actor)).toMatchObject({
      name: "Renamed Clinic",
      timeZone: "Australia/Sydney",
      currency: "AUD",
      holdMinutes: 25,
    });
    const audit = await withTenant(practice.owner.actor, (tx) =>
      tx.execute<{ action: string; details: { before: { timeZone: string }; after: { timeZone: string } } }>(
        sql`select action, details from public.audit_log where tenant_id = ${practice.tenantId}
            and action = 'tenant.settings_updated'`,
      ),
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.details.before.timeZone).toBe("Europe/London");
    expect(audit.rows[0]?.details.after.timeZone).toBe("Australia/Sydney");
  });

  it("staff and managers are refused by the lib, and RLS refuses them even past it", async () => {
    const practice = await createPractice();
    const staff = await addMember(practice.tenantId, "staff");
    const manager = await addMember(practice.tenantId, "manager");
    const input = { name: "Hijacked", timeZone: "UTC", currency: "EUR", holdMinutes: 10 };
    await expect(updateTenantSettings(staff.actor, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateTenantSettings(manager.actor, input)).rejects.toBeInstanceOf(Forbidden);
    const direct = await withTenant(staff.actor, (tx) =>
      tx.update(tables.tenants).set({ name: "Hijacked" }).returning({ id: tables.tenants.id }),
    );
    expect(direct).toEqual([]);
    expect((await getTenantSettings(practice.owner.actor)).name).not.toBe("Hijacked");
  });

  it("rejects unknown time zones, currencies and hold times outside 1–1440 minutes with field errors", () => {
    const parsed = TenantSettingsInput.safeParse({
      name: "X",
      timeZone: "Nowhere/Land",
      currency: "ZZZZ",
      holdMinutes: "0",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual([
      "currency",
      "holdMinutes",
      "timeZone",
    ]);
    for (const bad of ["1441", "2.5", "soon"]) {
      const r = TenantSettingsInput.safeParse({
        name: "X",
        timeZone: "UTC",
        currency: "GBP",
        holdMinutes: bad,
      });
      expect(
        r.error?.issues.map((i) => i.path[0]),
        bad,
      ).toEqual(["holdMinutes"]);
    }
  });
});
