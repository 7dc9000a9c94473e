import { viewBookingsAsSupport } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson, query } from "../../../_lib/http";
import { presentSupportView } from "../../../_lib/present";

/**
 * GET /api/v1/admin/tenants/{id}/bookings?reason=…&page= → the practice's bookings, read-only ("view as
 * support"). Every call is written to the practice's audit log and the platform log with the reason.
 */
export const GET = route<{ id: string }>(async (ctx) => {
  const admin = await adminOf(ctx);
  const view = await viewBookingsAsSupport(
    admin,
    ctx.params.id,
    query(ctx.request, ["reason", "page"]),
    ctx.ip,
  );
  return noStoreJson(presentSupportView(view));
});
