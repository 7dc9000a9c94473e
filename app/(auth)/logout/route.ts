import { cookies } from "next/headers";
import { revokeSession, sessionCookieName } from "@/lib/auth";
import { route } from "@/lib/http";

/** POST only, behind the route wrapper's Origin check, so a foreign page cannot log people out. */
export const POST = route(async () => {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (token) await revokeSession(token);
  jar.delete(sessionCookieName());
  return new Response(null, { status: 303, headers: { location: "/login" } });
});
