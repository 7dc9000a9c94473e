-- Tenants, global users, memberships, sessions and the append-only audit log.

create or replace function private.is_time_zone(tz text) returns boolean
language plpgsql immutable set search_path = '' as $$
begin
  perform now() at time zone tz;
  return true;
exception when others then
  return false;
end
$$;

create table public.tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  time_zone text not null check (private.is_time_zone(time_zone)),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'active' check (status in ('active', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tenants_slug_format check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$'),
  constraint tenants_slug_key unique (slug)
);

create table public.users (
  id uuid primary key default gen_random_uuid(),
  email extensions.citext not null check (char_length(email) between 3 and 254),
  name text not null check (char_length(btrim(name)) between 1 and 120),
  password_hash text,
  email_verified_at timestamptz,
  is_platform_admin boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_email_key unique (email)
);

create table public.memberships (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  role text not null check (role in ('owner', 'manager', 'staff', 'customer')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index memberships_user_id_idx on public.memberships (user_id, tenant_id);

create table public.user_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  tenant_id uuid references public.tenants (id) on delete set null,
  token_hash bytea not null,
  user_agent text,
  ip text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  constraint user_sessions_token_hash_key unique (token_hash)
);
create index user_sessions_user_id_idx on public.user_sessions (user_id);
create index user_sessions_tenant_id_idx on public.user_sessions (tenant_id);

create table public.audit_log (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id bigint generated always as identity,
  actor_user_id uuid references public.users (id) on delete set null,
  action text not null,
  target_type text,
  target_id text,
  details jsonb not null default '{}'::jsonb,
  ip text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index audit_log_tenant_created_idx on public.audit_log (tenant_id, created_at desc);

-- Membership helpers. security definer so policies on memberships do not recurse; an empty search_path
-- so nothing can shadow the tables. A tenant_id claim narrows a request to one tenant.
create or replace function private.tenant_ids_for_user() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.tenant_id from public.memberships m
  where m.user_id = auth.uid()
    and (auth.jwt() ->> 'tenant_id' is null or m.tenant_id = (auth.jwt() ->> 'tenant_id')::uuid)
$$;

create or replace function private.tenant_ids_with_role(roles text[]) returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.tenant_id from public.memberships m
  where m.user_id = auth.uid() and m.role = any (roles)
    and (auth.jwt() ->> 'tenant_id' is null or m.tenant_id = (auth.jwt() ->> 'tenant_id')::uuid)
$$;

create or replace function private.user_ids_in_my_tenants() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.user_id from public.memberships m
  where m.tenant_id in (select private.tenant_ids_for_user())
$$;

revoke all on all functions in schema private from public;
grant execute on all functions in schema private to anon, authenticated, service_role;

create or replace function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger tenants_touch before update on public.tenants
  for each row execute function private.touch_updated_at();
create trigger users_touch before update on public.users
  for each row execute function private.touch_updated_at();

create or replace function private.audit_log_is_append_only() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function private.audit_log_is_append_only();

-- Row-level security: enabled and forced everywhere.
alter table public.tenants enable row level security;
alter table public.tenants force row level security;
alter table public.users enable row level security;
alter table public.users force row level security;
alter table public.memberships enable row level security;
alter table public.memberships force row level security;
alter table public.user_sessions enable row level security;
alter table public.user_sessions force row level security;
alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;

grant usage on schema public to anon, authenticated, service_role;

-- tenants: members read; owners change settings. Creation happens at sign-up (system).
grant select on public.tenants to authenticated;
grant update (name, time_zone, currency) on public.tenants to authenticated;
grant all on public.tenants to service_role;
create policy tenants_select_members on public.tenants for select to authenticated
  using (id in (select private.tenant_ids_for_user()));
create policy tenants_update_owners on public.tenants for update to authenticated
  using (id in (select private.tenant_ids_with_role(array['owner'])))
  with check (id in (select private.tenant_ids_with_role(array['owner'])));

-- users: you, and the people who share a tenant with you. Only your display name is yours to change.
grant select (id, email, name, email_verified_at, is_platform_admin, created_at, updated_at)
  on public.users to authenticated;
grant update (name) on public.users to authenticated;
grant all on public.users to service_role;
create policy users_select_self_and_colleagues on public.users for select to authenticated
  using (id = (select auth.uid()) or id in (select private.user_ids_in_my_tenants()));
create policy users_update_self on public.users for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- memberships: members see their tenant's team; owners manage it.
grant select, insert, update, delete on public.memberships to authenticated;
grant all on public.memberships to service_role;
create policy memberships_select_members on public.memberships for select to authenticated
  using (tenant_id in (select private.tenant_ids_for_user()));
create policy memberships_insert_owners on public.memberships for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner'])));
create policy memberships_update_owners on public.memberships for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner'])))
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner'])));
create policy memberships_delete_owners on public.memberships for delete to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner'])));

-- user_sessions: created and looked up by the system; a user lists and revokes their own devices.
grant select (id, user_id, tenant_id, user_agent, ip, created_at, last_seen_at, expires_at)
  on public.user_sessions to authenticated;
grant delete on public.user_sessions to authenticated;
grant all on public.user_sessions to service_role;
create policy user_sessions_select_own on public.user_sessions for select to authenticated
  using (user_id = (select auth.uid()));
create policy user_sessions_delete_own on public.user_sessions for delete to authenticated
  using (user_id = (select auth.uid()));

-- audit_log: append-only. Members write entries as themselves; owners and managers read.
grant select, insert on public.audit_log to authenticated;
grant select, insert on public.audit_log to service_role;
create policy audit_log_insert_members on public.audit_log for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_for_user())
              and actor_user_id is not distinct from (select auth.uid()));
create policy audit_log_select_owners on public.audit_log for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));
