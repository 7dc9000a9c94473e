export const SYSTEM_ROLE = "boka_system";

/**
 * Where withSystem connects. The runtime role (DATABASE_URL) may only become anon or authenticated, so
 * the bypass needs its own login. Unset DATABASE_SYSTEM_URL means the same server and database as
 * DATABASE_URL, logged in as boka_system without a password from the URL: trust auth, PGPASSWORD or
 * ~/.pgpass supply it. Any password-authenticated deployment sets DATABASE_SYSTEM_URL explicitly, so a
 * runtime credential is never reused for the bypass.
 */
export function systemDatabaseUrl(runtimeUrl: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  const url = new URL(runtimeUrl);
  url.username = SYSTEM_ROLE;
  url.password = "";
  return url.toString();
}
