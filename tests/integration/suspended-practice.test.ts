import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listBookings } from "@/app/api/v1/bookings/route";
import { GET as exportBookings } from "@/app/dashboard/bookings/export/route";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { createPractice } from "../support/factory";
import { signedInAs } from "../support/http";

afterAll(closeDatabase);

describe("a suspended practice", () => {
  it("keeps its team out of the API and the export until it is reactivated", async () => {
    const practice = await createPractice();
    const owner = await signedInAs(practice.owner.userId, practice.tenantId);
    expect((await owner.call(listBookings, "/api/v1/bookings")).status).toBe(200);

    const setStatus = (status: "active" | "suspended") =>
      withSystem("test suspends a practice", (tx) =>
        tx.update(tables.tenants).set({ status }).where(eq(tables.tenants.id, practice.tenantId)),
      );
    await setStatus("suspended");
    const refused = await owner.call(listBookings, "/api/v1/bookings");
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toMatch(/suspended/);
    expect((await owner.call(exportBookings, "/dashboard/bookings/export")).status).toBe(403);

    await setStatus("active");
    expect((await owner.call(listBookings, "/api/v1/bookings")).status).toBe(200);
  });
});
