import { z } from "zod";
import { NotFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { calendarForManagedBooking } from "@/lib/notifications";

const Query = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/)
    .catch(""),
  to: z.enum(["ics", "google"]).catch("ics"),
});

/** GET …/calendar?token=… → the booking's .ics; &to=google → a redirect to Google Calendar's form. */
export const GET = route<{ slug: string; id: string }>(async ({ request, params }) => {
  const url = new URL(request.url);
  const { token, to } = Query.parse(Object.fromEntries(url.searchParams));
  const id = z.uuid().safeParse(params.id);
  const found = token && id.success ? await calendarForManagedBooking(id.data, token) : null;
  if (!found) throw new NotFound("Booking not found");
  const noStore = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
  if (to === "google")
    return new Response(null, { status: 302, headers: { ...noStore, Location: found.google } });
  return new Response(found.ics, {
    headers: {
      ...noStore,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="booking.ics"',
    },
  });
});
