-- Calendar sync (issue 11): private ICS feeds, connections to external calendars (CalDAV, Google,
-- Microsoft 365), the calendars found on them, a local cache of their busy times, and where each booking
-- was written. Staff manage their own; owners and managers manage everyone's.

-- The staff member a signed-in user is, in the tenant of their claims (staff_members is readable by
-- members, so the subquery itself runs under RLS).
create or replace function private.own_staff_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select s.id from public.staff_members s
  where s.user_id = (select auth.uid()) and s.tenant_id in (select private.tenant_ids_for_user())
$$;
revoke all on function private.own_staff_ids() from public;
grant execute on function private.own_staff_ids() to authenticated, service_role;

-- A subscription URL per staff member (staff_id) or for the whole practice (staff_id null). Only the
-- SHA-256 of the 256-bit token is kept; regenerating replaces it, revoking deletes the row.
create table public.calendar_feeds (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  staff_id uuid,
  token_hash bytea not null check (octet_length(token_hash) = 32),
  hide_details boolean not null default false,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint calendar_feeds_token_hash_key unique (token_hash),
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade
);
create unique index calendar_feeds_staff_idx on public.calendar_feeds (tenant_id, staff_id)
  where staff_id is not null;
create unique index calendar_feeds_practice_idx on public.calendar_feeds (tenant_id) where staff_id is null;

-- One account on a calendar service. `secret` is the CalDAV app password or the OAuth refresh token,
-- encrypted with the keyring (lib/crypto) bound to the row id; it never leaves the server.
create table public.calendar_connections (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  staff_id uuid not null,
  provider text not null check (provider in ('caldav', 'google', 'microsoft')),
  label text not null check (char_length(btrim(label)) between 1 and 120),
  server_url text not null default '' check (char_length(server_url) <= 2000),
  username text not null default '' check (char_length(username) <= 320),
  secret text not null,
  status text not null default 'active' check (status in ('active', 'broken')),
  last_synced_at timestamptz,
  last_error text check (char_length(last_error) <= 1000),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade
);
create index calendar_connections_staff_idx on public.calendar_connections (tenant_id, staff_id);

-- A calendar found on a connection. check_conflicts: its busy times block availability.
-- write_bookings: bookings are written into it (at most one per staff member).
create table public.external_calendars (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  connection_id uuid not null,
  staff_id uuid not null,
  url text not null check (char_length(url) between 1 and 2000),
  display_name text not null default '' check (char_length(display_name) <= 200),
  check_conflicts boolean not null default false,
  write_bookings boolean not null default false,
  sync_token text,
  synced_at timestamptz,
  primary key (tenant_id, id),
  constraint external_calendars_url_key unique (tenant_id, connection_id, url),
  foreign key (tenant_id, connection_id) references public.calendar_connections (tenant_id, id)
    on delete cascade,
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade
);
create unique index external_calendars_writer_idx on public.external_calendars (tenant_id, staff_id)
  where write_bookings;
create index external_calendars_connection_idx on public.external_calendars (tenant_id, connection_id);

-- The events seen on a conflict-checking calendar, by href and ETag, so a sync touches only what changed.
-- Boka's own events (recognised by UID) are kept with no busy intervals: the booking already blocks.
create table public.external_events (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  calendar_id uuid not null,
  href text not null check (char_length(href) between 1 and 2000),
  etag text not null default '',
  primary key (tenant_id, id),
  constraint external_events_href_key unique (tenant_id, calendar_id, href),
  foreign key (tenant_id, calendar_id) references public.external_calendars (tenant_id, id)
    on delete cascade
);

-- Busy intervals of those events (a recurring event has one per occurrence in the sync window).
create table public.external_busy (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  event_id uuid not null,
  staff_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  primary key (tenant_id, id),
  check (ends_at > starts_at),
  foreign key (tenant_id, event_id) references public.external_events (tenant_id, id) on delete cascade,
  foreign key (tenant_id, staff_id) references public.staff_members (tenant_id, id) on delete cascade
);
create index external_busy_staff_idx on public.external_busy (tenant_id, staff_id, starts_at);
create index external_busy_event_idx on public.external_busy (tenant_id, event_id);

-- Where a booking was written (href and ETag), so a reschedule updates the same event with If-Match and
-- a cancellation deletes it.
create table public.calendar_writes (
  tenant_id uuid not null,
  booking_id uuid not null,
  calendar_id uuid not null,
  href text not null,
  etag text not null default '',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, booking_id, calendar_id),
  foreign key (tenant_id, booking_id) references public.bookings (tenant_id, id) on delete cascade,
  foreign key (tenant_id, calendar_id) references public.external_calendars (tenant_id, id)
    on delete cascade
);
create index calendar_writes_calendar_idx on public.calendar_writes (tenant_id, calendar_id);

alter table public.calendar_feeds enable row level security;
alter table public.calendar_feeds force row level security;
alter table public.calendar_connections enable row level security;
alter table public.calendar_connections force row level security;
alter table public.external_calendars enable row level security;
alter table public.external_calendars force row level security;
alter table public.external_events enable row level security;
alter table public.external_events force row level security;
alter table public.external_busy enable row level security;
alter table public.external_busy force row level security;
alter table public.calendar_writes enable row level security;
alter table public.calendar_writes force row level security;

do $$
declare
  t text;
begin
  foreach t in array array['calendar_feeds', 'calendar_connections', 'external_calendars',
    'external_events', 'external_busy', 'calendar_writes']
  loop
    execute format('revoke all on public.%I from anon, authenticated', t);
    execute format('grant select, insert, update, delete on public.%I to service_role', t);
  end loop;
  -- Settings the team manages: a staff member their own, owners and managers everyone's.
  foreach t in array array['calendar_feeds', 'calendar_connections', 'external_calendars']
  loop
    execute format('grant select, insert, update, delete on public.%I to authenticated', t);
    execute format($p$create policy %1$s_own_or_managers on public.%1$I for all to authenticated
      using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager']))
             or (tenant_id in (select private.tenant_ids_with_role(array['staff']))
                 and staff_id in (select private.own_staff_ids())))
      with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager']))
             or (tenant_id in (select private.tenant_ids_with_role(array['staff']))
                 and staff_id in (select private.own_staff_ids())))$p$, t);
  end loop;
  -- Written only by sync jobs (the system path); the team reads them.
  foreach t in array array['external_events', 'external_busy', 'calendar_writes']
  loop
    execute format('grant select on public.%I to authenticated', t);
    execute format($p$create policy %1$s_select_team on public.%1$I for select to authenticated
      using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])))$p$, t);
  end loop;
end
$$;

-- The public booking page needs the busy times (and nothing else) to offer slots.
grant select (tenant_id, id, staff_id, starts_at, ends_at) on public.external_busy to anon;
create policy external_busy_select_public on public.external_busy for select to anon
  using (tenant_id in (select private.active_tenant_ids()));
