-- Email verification, password reset and email change tokens; team invitations; at least one owner per
-- practice; and publishing a practice's booking page (only with a verified owner).

-- Single-use emailed tokens for a user. Only SHA-256 digests are stored, and no API role may read them:
-- every check runs on the system path (the person holding a link is not signed in as anyone yet).
create table public.auth_tokens (
  id uuid primary key default gen_random_uuid(),
  purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
  -- 256 random bits, so a global unique key reveals nothing across tenants or users.
  token_hash bytea not null check (octet_length(token_hash) = 32),
  user_id uuid not null references public.users (id) on delete cascade,
  -- The address the link was sent to: the current one (verify, reset) or the new one (change_email).
  email extensions.citext not null check (char_length(email) between 3 and 254),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  constraint auth_tokens_token_hash_key unique (token_hash)
);
create index auth_tokens_user_purpose_idx on public.auth_tokens (user_id, purpose);

alter table public.auth_tokens enable row level security;
alter table public.auth_tokens force row level security;
revoke all on public.auth_tokens from anon, authenticated;
grant select, insert, update, delete on public.auth_tokens to service_role;
create policy auth_tokens_no_api_access on public.auth_tokens for select to anon, authenticated
  using (false);

-- Invitations to a practice's team. Written by owners and managers under RLS (with the token digest in
-- the same transaction); accepted on the system path, since the invitee is not a member yet.
create table public.invitations (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email extensions.citext not null check (char_length(email) between 3 and 254),
  role text not null check (role in ('manager', 'staff')),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'revoked')),
  -- 256 random bits: a global unique key reveals nothing across tenants. Replaced on every resend.
  token_hash bytea not null check (octet_length(token_hash) = 32),
  invited_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  sent_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_user_id uuid references public.users (id) on delete set null,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  constraint invitations_token_hash_key unique (token_hash)
);
-- One open invitation per address and practice; resending refreshes it instead of adding another.
create unique index invitations_one_pending_key on public.invitations (tenant_id, email)
  where status = 'pending';

alter table public.invitations enable row level security;
alter table public.invitations force row level security;
revoke all on public.invitations from anon, authenticated;
grant all on public.invitations to service_role;
-- Every column but the token digest is readable; drizzle lists insert columns, so insert is table-wide
-- and the policy pins what a new row may say; updates are limited to resend and revoke.
grant select (tenant_id, id, email, role, status, invited_by, created_at, sent_at, expires_at, accepted_at,
  accepted_user_id, revoked_at) on public.invitations to authenticated;
grant insert on public.invitations to authenticated;
grant update (status, token_hash, sent_at, expires_at, revoked_at) on public.invitations to authenticated;

-- The permission matrix (docs/roles.md): owners invite anyone; managers invite staff only.
create policy invitations_select_inviters on public.invitations for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));
create policy invitations_insert_inviters on public.invitations for insert to authenticated
  with check (
    status = 'pending' and accepted_at is null and accepted_user_id is null
    and invited_by = (select auth.uid())
    and (tenant_id in (select private.tenant_ids_with_role(array['owner']))
         or (role = 'staff' and tenant_id in (select private.tenant_ids_with_role(array['manager'])))));
create policy invitations_update_inviters on public.invitations for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner']))
         or (role = 'staff' and tenant_id in (select private.tenant_ids_with_role(array['manager']))))
  with check (
    status in ('pending', 'revoked')
    and (tenant_id in (select private.tenant_ids_with_role(array['owner']))
         or (role = 'staff' and tenant_id in (select private.tenant_ids_with_role(array['manager'])))));

-- A practice always keeps an owner. Checked at commit (so an ownership transfer may demote before it
-- promotes) under a lock on the tenant row: of two transactions demoting the last two owners, the second
-- waits for the first, then sees its change and fails.
create or replace function private.keep_an_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform 1 from public.tenants t where t.id = old.tenant_id for update;
  if not found then
    return null; -- the practice itself is being deleted
  end if;
  if not exists (select 1 from public.memberships m where m.tenant_id = old.tenant_id and m.role = 'owner') then
    raise exception 'a practice must keep at least one owner'
      using errcode = 'check_violation', constraint = 'memberships_keep_an_owner';
  end if;
  return null;
end
$$;
revoke all on function private.keep_an_owner() from public;
create constraint trigger memberships_keep_an_owner after update or delete on public.memberships
  deferrable initially deferred for each row when (old.role = 'owner')
  execute function private.keep_an_owner();

-- Publishing the booking page. Until then anonymous visitors see nothing of the practice.
alter table public.tenants add column published_at timestamptz;
grant update (published_at) on public.tenants to authenticated;
-- The demo practice stays public (a fresh embedded database seeds it after migrating, with published_at).
update public.tenants set published_at = now() where slug = 'demo' and published_at is null;

create or replace function private.publish_requires_verified_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.published_at is not null and old.published_at is null and not exists (
    select 1 from public.memberships m join public.users u on u.id = m.user_id
    where m.tenant_id = new.id and m.role = 'owner' and u.email_verified_at is not null
  ) then
    raise exception 'an owner must verify their email address before the booking page is published'
      using errcode = 'check_violation', constraint = 'tenants_publish_requires_verified_owner';
  end if;
  return new;
end
$$;
revoke all on function private.publish_requires_verified_owner() from public;
create trigger tenants_publish_requires_verified_owner before update of published_at on public.tenants
  for each row execute function private.publish_requires_verified_owner();

-- Anonymous reads (the public catalogue, schedules, busy times) only for published, active practices:
-- every anon policy on tenant tables goes through active_tenant_ids(), and tenants has its own.
create or replace function private.active_tenant_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select t.id from public.tenants t where t.status = 'active' and t.published_at is not null
$$;
drop policy tenants_select_public on public.tenants;
create policy tenants_select_public on public.tenants for select to anon
  using (status = 'active' and published_at is not null);
