import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, tables, withTenant } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { getTenantSettings, TenantSettingsInput, updateTenantSettings } from "@/lib/tenants/settings";
import { addMember, createPractice } from "../helpers/factory";

afterAll(closeDatabase);

describe("practice settings", () => {
  it("the owner changes name, time zone and currency, and the change is audited with before/after", async () => {
    const practice = await createPractice();
    const input = TenantSettingsInput.parse({
      name: "Renamed Clinic",
      timeZone: "Australia/Sydney",
      currency: "aud",
    });
    await updateTenantSettings(practice.owner.actor, input, "198.51.100.1");
    expect(await getTenantSettings(practice.owner.actor)).toMatchObject({
      name: "Renamed Clinic",
      timeZone: "Australia/Sydney",
      currency: "AUD",
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
    const input = { name: "Hijacked", timeZone: "UTC", currency: "EUR" };
    await expect(updateTenantSettings(staff.actor, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateTenantSettings(manager.actor, input)).rejects.toBeInstanceOf(Forbidden);
    const direct = await withTenant(staff.actor, (tx) =>
      tx.update(tables.tenants).set({ name: "Hijacked" }).returning({ id: tables.tenants.id }),
    );
    expect(direct).toEqual([]);
    expect((await getTenantSettings(practice.owner.actor)).name).not.toBe("Hijacked");
  });

  it("rejects unknown time zones and currencies with field errors", () => {
    const parsed = TenantSettingsInput.safeParse({ name: "X", timeZone: "Nowhere/Land", currency: "ZZZZ" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(["currency", "timeZone"]);
  });
});
