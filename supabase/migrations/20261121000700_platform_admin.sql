-- The platform admin's own audit log: suspensions, reactivations and support views, across practices.
-- Each entry is also written to the practice's audit_log, so the owner sees who looked and why; this log
-- is the platform's side of the same story and outlives practices and people.
--
-- Who is a platform admin: users.is_platform_admin, set only in SQL (or the demo seed). The API roles
-- may update users.name only (20261121000100_tenancy.sql), so no request can grant it.

create table public.platform_audit_log (
  id bigint generated always as identity primary key,
  -- No foreign keys: the log keeps the ids as written even after the person or practice is gone
  -- (the email and practice name are kept in `details`), and an append-only table cannot be
  -- "set null" by a cascade anyway.
  actor_user_id uuid not null,
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  target_tenant_id uuid,
  details jsonb not null default '{}'::jsonb,
  ip text,
  created_at timestamptz not null default now()
);
create index platform_audit_log_created_idx on public.platform_audit_log (created_at desc);
create index platform_audit_log_target_idx on public.platform_audit_log (target_tenant_id, created_at desc);

create or replace function private.platform_audit_log_is_append_only() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception 'platform_audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;
revoke all on function private.platform_audit_log_is_append_only() from public;
create trigger platform_audit_log_append_only before update or delete on public.platform_audit_log
  for each row execute function private.platform_audit_log_is_append_only();

-- True when the requesting user is a platform admin right now (read on every statement, never cached).
create or replace function private.is_platform_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select u.is_platform_admin from public.users u where u.id = auth.uid()), false)
$$;
revoke all on function private.is_platform_admin() from public;
grant execute on function private.is_platform_admin() to authenticated, service_role;

alter table public.platform_audit_log enable row level security;
alter table public.platform_audit_log force row level security;
-- Supabase grants new public tables to the API roles by default; take that back, then grant.
revoke all on public.platform_audit_log from anon, authenticated;
-- Written only by the system path, after the lib has checked the admin (lib/admin/access.ts).
grant select, insert on public.platform_audit_log to service_role;
-- Platform admins read it as themselves; nobody else, and nobody through the API writes it.
grant select on public.platform_audit_log to authenticated;
create policy platform_audit_log_select_admins on public.platform_audit_log for select to authenticated
  using ((select private.is_platform_admin()));
