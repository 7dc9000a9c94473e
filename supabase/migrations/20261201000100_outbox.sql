-- The event backbone (lib/events): every change that has side effects inserts an outbox row in the same
-- transaction, so a rolled-back change emits nothing and a committed one cannot be lost. Workers claim
-- due rows with FOR UPDATE SKIP LOCKED under a lease; each (event, handler) is one delivery, so a retry
-- reruns only the handlers that have not succeeded.

create table public.outbox (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  type text not null check (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  dedupe_key text not null check (char_length(dedupe_key) between 1 and 300),
  -- What the event is about (a booking id), so scheduled rows can be cancelled or moved with it.
  subject_id uuid,
  status text not null default 'pending' check (status in ('pending', 'done', 'dead', 'cancelled')),
  -- When the row is next due: in the future for scheduled events and retries. A claim moves it to the
  -- end of the lease, so a worker that dies leaves the row due again once the lease runs out.
  available_at timestamptz not null default now(),
  -- Claims so far (each run of the dispatcher over the row).
  attempts integer not null default 0 check (attempts >= 0),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, dedupe_key)
);
-- The dispatcher's claim: due pending rows, oldest first, across practices.
create index outbox_due_idx on public.outbox (available_at) where status = 'pending';
-- The Jobs page lists a practice's rows by status, newest first.
create index outbox_tenant_status_idx on public.outbox (tenant_id, status, created_at desc);
-- cancelScheduled: a subject's pending rows of one type.
create index outbox_subject_idx on public.outbox (tenant_id, subject_id, type) where status = 'pending';

create table public.deliveries (
  tenant_id uuid not null,
  event_id uuid not null,
  handler text not null check (handler ~ '^[a-z][a-z0-9._-]{0,63}$'),
  status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  next_attempt_at timestamptz not null default now(),
  done_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, event_id, handler),
  foreign key (tenant_id, event_id) references public.outbox (tenant_id, id) on delete cascade
);
create index deliveries_tenant_status_idx on public.deliveries (tenant_id, status);

create trigger deliveries_touch before update on public.deliveries
  for each row execute function private.touch_updated_at();

alter table public.outbox enable row level security;
alter table public.outbox force row level security;
alter table public.deliveries enable row level security;
alter table public.deliveries force row level security;

revoke all on public.outbox, public.deliveries from anon, authenticated;
grant select, insert, update, delete on public.outbox, public.deliveries to service_role;

-- The team writes events inside the transaction that changes a booking (any member may change one) and
-- may cancel its own pending scheduled rows; owners and managers run the Jobs page (retry, discard).
grant select, insert on public.outbox to authenticated;
grant update (status, available_at, attempts, locked_until, locked_by, last_error) on public.outbox
  to authenticated;
grant select on public.deliveries to authenticated;
grant update (status, attempts, next_attempt_at, last_error) on public.deliveries to authenticated;

create policy outbox_select_team on public.outbox for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy outbox_insert_team on public.outbox for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff']))
              and status = 'pending' and attempts = 0);
create policy outbox_cancel_team on public.outbox for update to authenticated
  using (status = 'pending'
         and tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])))
  with check (status in ('pending', 'cancelled')
              and tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy outbox_update_managers on public.outbox for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])))
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));

create policy deliveries_select_team on public.deliveries for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy deliveries_update_managers on public.deliveries for update to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])))
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));

-- Every change of a booking counts up, so calendar files (ICS SEQUENCE) and event dedupe keys can tell
-- one version from the next.
alter table public.bookings add column sequence integer not null default 0 check (sequence >= 0);
