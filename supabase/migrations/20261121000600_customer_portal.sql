-- The customer portal at /{slug}/account: one-time sign-in codes, customer sessions, and what a signed-in
-- customer may read and change. A customer is not a user: requests run as `authenticated` with the claims
-- { tenant_id, customer_id } and no `sub`, so auth.uid() is null and every membership-based policy admits
-- nothing. The policies below are the only ones that look at `customer_id`.

-- Sign-in codes: 6 digits, stored only as SHA-256 (salted with the row id), 10 minutes, 5 tries, single
-- use. Issued and checked on the system path only: whoever asks is nobody yet.
create table public.customer_otps (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  email extensions.citext not null check (char_length(email) between 3 and 254),
  code_hash bytea not null check (octet_length(code_hash) = 32),
  attempts_left smallint not null default 5 check (attempts_left between 0 and 5),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references public.customers (tenant_id, id) on delete cascade
);
create index customer_otps_email_idx on public.customer_otps (tenant_id, email, created_at desc);
create index customer_otps_customer_idx on public.customer_otps (tenant_id, customer_id);

-- Portal sessions: a 256-bit token in a cookie scoped to /{slug}; only its SHA-256 is stored. Looked up
-- on the system path (a cookie is not an identity until it is verified), deleted at sign-out.
create table public.customer_sessions (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  token_hash bytea not null check (octet_length(token_hash) = 32),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (tenant_id, id),
  constraint customer_sessions_token_hash_key unique (tenant_id, token_hash),
  foreign key (tenant_id, customer_id) references public.customers (tenant_id, id) on delete cascade
);
create index customer_sessions_customer_idx on public.customer_sessions (tenant_id, customer_id);

alter table public.customer_otps enable row level security;
alter table public.customer_otps force row level security;
alter table public.customer_sessions enable row level security;
alter table public.customer_sessions force row level security;
-- Supabase grants new public tables to the API roles by default; take that back explicitly.
revoke all on public.customer_otps, public.customer_sessions from anon, authenticated;
grant select, insert, update, delete on public.customer_otps, public.customer_sessions to service_role;
-- Policies that admit nothing: RLS denies the API roles even if a grant is added later by mistake.
create policy customer_otps_no_api_access on public.customer_otps for select to anon, authenticated
  using (false);
create policy customer_sessions_no_api_access on public.customer_sessions for select to anon, authenticated
  using (false);

-- A signed-in customer reads its own bookings and its own customer row, in the practice it signed in to.
-- Both claims are required: a staff member's claims carry tenant_id but never customer_id.
create policy bookings_select_own_customer on public.bookings for select to authenticated
  using (customer_id = (select (auth.jwt() ->> 'customer_id')::uuid)
         and tenant_id = (select (auth.jwt() ->> 'tenant_id')::uuid));
create policy customers_select_self on public.customers for select to authenticated
  using (id = (select (auth.jwt() ->> 'customer_id')::uuid)
         and tenant_id = (select (auth.jwt() ->> 'tenant_id')::uuid));
create policy customers_update_self on public.customers for update to authenticated
  using (id = (select (auth.jwt() ->> 'customer_id')::uuid)
         and tenant_id = (select (auth.jwt() ->> 'tenant_id')::uuid))
  with check (id = (select (auth.jwt() ->> 'customer_id')::uuid)
              and tenant_id = (select (auth.jwt() ->> 'tenant_id')::uuid));

-- `authenticated` holds a table-wide UPDATE grant on customers for the practice's team, and column grants
-- cannot tell a customer from a staff member (same role). So a trigger pins what a customer may change
-- about itself: name and phone. Comparing whole rows minus those keys also covers columns added later.
create or replace function private.customers_self_update_guard() returns trigger
language plpgsql set search_path = '' as $$
begin
  if auth.jwt() ->> 'customer_id' is not null
     and (to_jsonb(new) - 'name' - 'phone') is distinct from (to_jsonb(old) - 'name' - 'phone') then
    raise exception 'a customer may change only their name and phone'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
revoke all on function private.customers_self_update_guard() from public;
create trigger customers_self_update_guard before update on public.customers
  for each row execute function private.customers_self_update_guard();
