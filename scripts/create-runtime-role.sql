-- The login role Boka's app connects as (DATABASE_URL). Run once per cluster as a superuser or, on
-- Supabase, as `postgres`, after the migrations (they create anon, authenticated and service_role).
-- It may switch to those roles but holds no privilege of its own: not a superuser, no BYPASSRLS,
-- owns nothing. Set a password for anything but local trust auth:  alter role boka_app password '...';
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'boka_app') then
    create role boka_app login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
end
$$;
grant anon, authenticated, service_role to boka_app;
