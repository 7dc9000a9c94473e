-- API keys: a practice's machine credentials. Boka keeps only the SHA-256 of the whole key and a short
-- displayable prefix; a roll keeps the previous digest valid until previous_valid_until (at most 24 h).
create table public.api_keys (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  prefix text not null check (prefix like 'boka\_live\_%'),
  secret_hash bytea not null check (length(secret_hash) = 32),
  previous_secret_hash bytea check (length(previous_secret_hash) = 32),
  previous_valid_until timestamptz,
  scopes text[] not null check (cardinality(scopes) between 1 and 20),
  rate_limit_per_minute integer not null default 600 check (rate_limit_per_minute between 1 and 100000),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((previous_secret_hash is null) = (previous_valid_until is null))
);
-- Lookups by digest come before the tenant is known (the system path); plain indexes, since a unique
-- constraint outside tenant_id would answer questions across practices.
create index api_keys_secret_hash_idx on public.api_keys (secret_hash);
create index api_keys_previous_secret_hash_idx on public.api_keys (previous_secret_hash)
  where previous_secret_hash is not null;
create index api_keys_tenant_created_idx on public.api_keys (tenant_id, created_at desc);

-- The tenant of the API key named by the request's claims, while that key is live: not revoked, not
-- expired, its practice not suspended. Read on every statement, so a revoked key stops at once in SQL
-- too, whatever a cache in front of it still believes.
create or replace function private.api_key_tenant_id() returns uuid
language sql stable security definer set search_path = '' as $$
  select k.tenant_id from public.api_keys k join public.tenants t on t.id = k.tenant_id
  where k.id = nullif(auth.jwt() ->> 'api_key_id', '')::uuid
    and k.tenant_id = nullif(auth.jwt() ->> 'tenant_id', '')::uuid
    and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
    and t.status = 'active'
$$;
revoke all on function private.api_key_tenant_id() from public;
grant execute on function private.api_key_tenant_id() to authenticated, service_role;

-- A key acts as its practice with a manager's reach in SQL (never an owner's: the team, ownership and
-- the practice's own settings stay out of reach); lib narrows that to the key's scopes.
create or replace function private.tenant_ids_for_user() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.tenant_id from public.memberships m
  where m.user_id = auth.uid()
    and (auth.jwt() ->> 'tenant_id' is null or m.tenant_id = (auth.jwt() ->> 'tenant_id')::uuid)
  union all
  select k.tenant_id from (select private.api_key_tenant_id() as tenant_id) k where k.tenant_id is not null
$$;

create or replace function private.tenant_ids_with_role(roles text[]) returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.tenant_id from public.memberships m
  where m.user_id = auth.uid() and m.role = any (roles)
    and (auth.jwt() ->> 'tenant_id' is null or m.tenant_id = (auth.jwt() ->> 'tenant_id')::uuid)
  union all
  select k.tenant_id from (select private.api_key_tenant_id() as tenant_id) k
  where k.tenant_id is not null and 'manager' = any (roles)
$$;

alter table public.api_keys enable row level security;
alter table public.api_keys force row level security;
revoke all on public.api_keys from anon, authenticated;
-- Members never read a digest back; the system path resolves keys (lib/api-keys/resolve.ts).
grant select (tenant_id, id, name, prefix, previous_valid_until, scopes, rate_limit_per_minute, expires_at,
  revoked_at, last_used_at, created_by, created_at) on public.api_keys to authenticated;
-- Whole-table insert (query builders name every column); the policy pins what a new key may say.
grant insert on public.api_keys to authenticated;
grant update (name, prefix, secret_hash, previous_valid_until, rate_limit_per_minute, revoked_at)
  on public.api_keys to authenticated;
grant all on public.api_keys to service_role;

-- Owners and managers of the practice, signed in: an API key never manages keys, not even its own.
create policy api_keys_select_managers on public.api_keys for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager']))
         and (select auth.jwt() ->> 'api_key_id') is null);
create policy api_keys_insert_managers on public.api_keys for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager']))
              and (select auth.jwt() ->> 'api_key_id') is null
              and created_by is not distinct from (select auth.uid())
              and previous_secret_hash is null and revoked_at is null and last_used_at is null);
create policy api_keys_update_managers on public.api_keys for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager']))
         and (select auth.jwt() ->> 'api_key_id') is null)
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager']))
              and (select auth.jwt() ->> 'api_key_id') is null);

-- A roll writes only the new digest: the old one moves aside here, so no role ever needs to read one.
create or replace function private.api_keys_keep_previous_secret() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.secret_hash is distinct from old.secret_hash then
    new.previous_secret_hash := old.secret_hash;
  end if;
  return new;
end
$$;
revoke all on function private.api_keys_keep_previous_secret() from public;
create trigger api_keys_keep_previous_secret before update on public.api_keys
  for each row execute function private.api_keys_keep_previous_secret();
