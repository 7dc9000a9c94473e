-- Scheduling: services, staff, hours, resources, customers and bookings that cannot overlap.
create extension if not exists btree_gist with schema extensions;

alter table public.tenants
  add column hold_minutes integer not null default 10 check (hold_minutes between 1 and 1440);

create table public.resource_types (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 80),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

create table public.resources (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  type_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 80),
  is_active boolean not null default true,
  primary key (tenant_id, id),
  foreign key (tenant_id, type_id) references public.resource_types (tenant_id, id) on delete cascade
);

create table public.services (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 120),
  description text not null default '' check (char_length(description) <= 2000),
  duration_minutes integer not null check (duration_minutes between 5 and 720),
  price_cents integer not null default 0 check (price_cents >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  min_notice_minutes integer not null default 60 check (min_notice_minutes between 0 and 43200),
  max_days_in_advance integer not null default 60 check (max_days_in_advance between 1 and 730),
  slot_interval_minutes integer not null default 15 check (slot_interval_minutes between 5 and 720),
  capacity integer not null default 1 check (capacity between 1 and 500),
  resource_type_id uuid,
  requires_confirmation boolean not null default false,
  is_active boolean not null default true,
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, resource_type_id) references public.resource_types (tenant_id, id)
);

create table public.staff_members (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  display_name text not null check (char_length(btrim(display_name)) between 1 and 120),
  user_id uuid references public.users (id) on delete set null,
  time_zone text check (time_zone is null or private.is_time_zone(time_zone)),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index staff_members_user_idx on public.staff_members (tenant_id, user_id);

create table public.service_staff (
  tenant_id uuid not null,
  service_id uuid not null,
  staff_id uuid not null,
  primary key (tenant_id, service_id, staff_id),
  foreign key (tenant_id, service_id) references public.services (tenant_id, id) on delete cascade,
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade
);

-- Weekly hours in the staff member's local time; several intervals per ISO weekday (1 = Monday).
create table public.working_hours (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  staff_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade,
  check (end_time > start_time or end_time = '00:00')
);
create index working_hours_staff_idx on public.working_hours (tenant_id, staff_id);

-- A date with different hours; an empty interval list means closed that day.
create table public.date_overrides (
  tenant_id uuid not null,
  staff_id uuid not null,
  on_date date not null,
  intervals jsonb not null default '[]'::jsonb check (jsonb_typeof(intervals) = 'array'),
  primary key (tenant_id, staff_id, on_date),
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade
);

create table public.time_off (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  staff_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  reason text not null default '' check (char_length(reason) <= 200),
  primary key (tenant_id, id),
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade,
  check (ends_at > starts_at)
);
create index time_off_staff_idx on public.time_off (tenant_id, staff_id, starts_at);

-- Practice-wide closures (holidays), inclusive local dates in the tenant's zone.
create table public.closures (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  starts_on date not null,
  ends_on date not null,
  reason text not null default '' check (char_length(reason) <= 200),
  primary key (tenant_id, id),
  check (ends_on >= starts_on)
);

create table public.customers (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 120),
  email extensions.citext not null check (char_length(email) between 3 and 254),
  phone text check (phone is null or char_length(phone) <= 40),
  notes text not null default '' check (char_length(notes) <= 4000),
  user_id uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, email)
);

create table public.bookings (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  service_id uuid not null,
  staff_id uuid not null,
  resource_id uuid,
  customer_id uuid not null,
  status text not null check (status in ('pending', 'confirmed', 'cancelled', 'completed', 'no_show', 'expired')),
  start_at timestamptz not null,
  end_at timestamptz not null,
  -- Snapshot of what applied when booked.
  service_name text not null,
  duration_minutes integer not null,
  buffer_before_minutes integer not null,
  buffer_after_minutes integer not null,
  price_cents integer not null,
  currency char(3) not null,
  capacity integer not null default 1,
  -- The time the booking takes from its staff member and resource, buffers included (set by trigger).
  blocked_from timestamptz not null,
  blocked_until timestamptz not null,
  -- Bookings with the same key share time (seats of one group session); any other overlap is refused.
  session_key text not null,
  hold_expires_at timestamptz,
  manage_token_hash bytea not null,
  notes text not null default '' check (char_length(notes) <= 2000),
  source text not null default 'public' check (source in ('public', 'dashboard', 'api', 'import')),
  created_by uuid references public.users (id) on delete set null,
  cancelled_at timestamptz,
  cancelled_by text,
  cancel_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (manage_token_hash),
  foreign key (tenant_id, service_id) references public.services (tenant_id, id),
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id),
  foreign key (tenant_id, resource_id) references public.resources (tenant_id, id),
  foreign key (tenant_id, customer_id) references public.customers (tenant_id, id),
  check (end_at > start_at),
  constraint bookings_no_staff_overlap exclude using gist (
    tenant_id with =, staff_id with =, tstzrange(blocked_from, blocked_until) with &&, session_key with <>
  ) where (status in ('pending', 'confirmed')),
  constraint bookings_no_resource_overlap exclude using gist (
    tenant_id with =, resource_id with =, tstzrange(blocked_from, blocked_until) with &&, session_key with <>
  ) where (status in ('pending', 'confirmed') and resource_id is not null)
);
create index bookings_tenant_start_idx on public.bookings (tenant_id, start_at);
create index bookings_customer_idx on public.bookings (tenant_id, customer_id, start_at);

create or replace function private.bookings_set_blocked_range() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.blocked_from := new.start_at - make_interval(mins => new.buffer_before_minutes);
  new.blocked_until := new.end_at + make_interval(mins => new.buffer_after_minutes);
  new.updated_at := now();
  return new;
end
$$;
create trigger bookings_blocked_range before insert or update on public.bookings
  for each row execute function private.bookings_set_blocked_range();

-- Every change to a booking, with who and before/after.
create table public.booking_events (
  tenant_id uuid not null,
  id bigint generated always as identity,
  booking_id uuid not null,
  action text not null,
  actor text not null,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, booking_id) references public.bookings (tenant_id, id) on delete cascade
);
create index booking_events_booking_idx on public.booking_events (tenant_id, booking_id);

-- Replays of POST /bookings with an Idempotency-Key.
create table public.idempotency_keys (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  key text not null check (char_length(key) between 1 and 200),
  request_hash text not null,
  response_status integer not null,
  response_body jsonb not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);

create trigger services_touch before update on public.services
  for each row execute function private.touch_updated_at();

-- Row-level security: enabled and forced on every scheduling table; the system role may do anything.
alter table public.resource_types enable row level security;
alter table public.resource_types force row level security;
alter table public.resources enable row level security;
alter table public.resources force row level security;
alter table public.services enable row level security;
alter table public.services force row level security;
alter table public.staff_members enable row level security;
alter table public.staff_members force row level security;
alter table public.service_staff enable row level security;
alter table public.service_staff force row level security;
alter table public.working_hours enable row level security;
alter table public.working_hours force row level security;
alter table public.date_overrides enable row level security;
alter table public.date_overrides force row level security;
alter table public.time_off enable row level security;
alter table public.time_off force row level security;
alter table public.closures enable row level security;
alter table public.closures force row level security;
alter table public.customers enable row level security;
alter table public.customers force row level security;
alter table public.bookings enable row level security;
alter table public.bookings force row level security;
alter table public.booking_events enable row level security;
alter table public.booking_events force row level security;
alter table public.idempotency_keys enable row level security;
alter table public.idempotency_keys force row level security;
grant all on public.resource_types, public.resources, public.services, public.staff_members, public.service_staff, public.working_hours, public.date_overrides, public.time_off, public.closures, public.customers, public.bookings, public.booking_events, public.idempotency_keys to service_role;

-- RLS: staff-side access by membership; writes by owners and managers (bookings also by staff).
do $$
declare
  t text;
begin
  foreach t in array array['resource_types', 'resources', 'services', 'staff_members', 'service_staff',
    'working_hours', 'date_overrides', 'time_off', 'closures']
  loop
    execute format('grant select, insert, update, delete on public.%I to authenticated', t);
    execute format($p$create policy %1$s_select_members on public.%1$I for select to authenticated
      using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])))$p$, t);
    execute format($p$create policy %1$s_write_managers on public.%1$I for all to authenticated
      using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])))
      with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])))$p$, t);
  end loop;
end
$$;

grant select, insert, update on public.customers to authenticated;
create policy customers_select_team on public.customers for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy customers_insert_team on public.customers for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy customers_update_managers on public.customers for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])))
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));

grant select, insert, update on public.bookings to authenticated;
create policy bookings_select_team on public.bookings for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy bookings_insert_team on public.bookings for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy bookings_update_team on public.bookings for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])))
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));

grant select, insert on public.booking_events to authenticated;
create policy booking_events_select_team on public.booking_events for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy booking_events_insert_team on public.booking_events for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));

grant select, insert on public.idempotency_keys to authenticated;
create policy idempotency_keys_team on public.idempotency_keys for all to authenticated
  using (tenant_id in (select private.tenant_ids_for_user()))
  with check (tenant_id in (select private.tenant_ids_for_user()));

-- The public booking page reads as `anon`: active practices, their public services and the team's
-- schedules, and of bookings only the busy time (no customer, notes or price). Writes from the
-- public page go through the audited system path in lib/booking (the guest is not yet anyone).
grant select (id, slug, name, time_zone, currency, status, hold_minutes) on public.tenants to anon;
create policy tenants_select_public on public.tenants for select to anon using (status = 'active');

create or replace function private.active_tenant_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select t.id from public.tenants t where t.status = 'active'
$$;
revoke all on function private.active_tenant_ids() from public;
grant execute on function private.active_tenant_ids() to anon, authenticated, service_role;

grant select on public.services, public.service_staff, public.working_hours, public.date_overrides,
  public.closures, public.resources, public.resource_types to anon;
grant select (tenant_id, id, display_name, time_zone, is_active) on public.staff_members to anon;
grant select (tenant_id, id, staff_id, starts_at, ends_at) on public.time_off to anon;
grant select (tenant_id, id, service_id, staff_id, resource_id, status, start_at, end_at, blocked_from,
  blocked_until, session_key, hold_expires_at, capacity) on public.bookings to anon;

create policy services_select_public on public.services for select to anon
  using (is_public and is_active and tenant_id in (select private.active_tenant_ids()));
create policy staff_members_select_public on public.staff_members for select to anon
  using (is_active and tenant_id in (select private.active_tenant_ids()));
do $$
declare
  t text;
begin
  foreach t in array array['service_staff', 'working_hours', 'date_overrides', 'closures', 'resources',
    'resource_types', 'time_off']
  loop
    execute format($p$create policy %1$s_select_public on public.%1$I for select to anon
      using (tenant_id in (select private.active_tenant_ids()))$p$, t);
  end loop;
end
$$;
create policy bookings_select_public_busy on public.bookings for select to anon
  using (status in ('pending', 'confirmed') and tenant_id in (select private.active_tenant_ids()));
