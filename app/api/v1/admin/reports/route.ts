import { platformReport } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson } from "../_lib/http";
import { presentReport } from "../_lib/present";

/** GET /api/v1/admin/reports → platform-wide counts (practices, users, bookings, new practices). */
export const GET = route(async (ctx) => {
  const admin = await adminOf(ctx);
  return noStoreJson(presentReport(await platformReport(admin)));
});
