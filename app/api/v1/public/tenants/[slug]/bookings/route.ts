import { refreshBusyBeforeBooking } from "@/lib/calendar-sync";
import { idempotencyKey, json } from "@/lib/http";
import { CreateBookingBody, createPublicBooking, parseSlug } from "@/lib/public-booking";
import { publicRoute } from "../../../_lib/http";

/** POST /api/v1/public/tenants/{slug}/bookings → 201 with the booking and its manage token. */
export const POST = publicRoute<{ slug: string }>({ policy: "write" }, async (ctx) => {
  const slug = parseSlug(ctx.params.slug);
  const body = await ctx.json(CreateBookingBody);
  const key = idempotencyKey(ctx.request.headers);
  await refreshBusyBeforeBooking(slug, body.service_id, body.staff_id);
  const result = await createPublicBooking(slug, body, key);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.replayed) headers["Idempotent-Replayed"] = "true";
  return json(result.body, { status: result.status, headers });
});
