-- The two login roles Boka connects as. Run once per cluster as a superuser or, on Supabase, as
-- `postgres`, after the migrations (they create anon, authenticated and service_role). Re-running is
-- safe, and on an older install it takes service_role away from boka_app.
--
-- boka_app (DATABASE_URL) serves tenant requests: it may become anon or authenticated, where RLS
-- decides everything, and nothing else. A leaked boka_app password or an SQL injection cannot reach
-- service_role, so it cannot read another tenant.
-- boka_system (DATABASE_SYSTEM_URL) serves withSystem only: it may become service_role (BYPASSRLS).
--
-- Neither is a superuser, has BYPASSRLS itself or owns anything. Set passwords for anything but local
-- trust auth:  alter role boka_app password '...';  alter role boka_system password '...';
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'boka_app') then
    create role boka_app login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'boka_system') then
    create role boka_system login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
  -- Installs before the split granted service_role to boka_app; take it back.
  if pg_has_role('boka_app', 'service_role', 'member') then
    revoke service_role from boka_app;
  end if;
end
$$;
grant anon, authenticated to boka_app;
grant service_role to boka_system;
