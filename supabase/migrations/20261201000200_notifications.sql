-- Notifications (issue 8): what the practice tells customers, how and when; staff alert preferences;
-- message templates; a record of each message sent (so a retried delivery does not send twice);
-- email unsubscribes and SMS opt-outs; the dev SMS log and dev mailbox attachments.

-- Practice settings that customer messages and the booking lifecycle read.
alter table public.tenants
  add column address text not null default '' check (char_length(address) <= 500),
  add column customer_note text not null default '' check (char_length(customer_note) <= 1000),
  -- Up to three reminders, minutes before the start (15 min … 14 days); empty = no reminders.
  add column reminder_offsets_minutes integer[] not null default '{1440,120}'
    check (cardinality(reminder_offsets_minutes) <= 3
           and 15 <= all (reminder_offsets_minutes) and 20160 >= all (reminder_offsets_minutes)),
  add column sms_reminders boolean not null default true,
  add column thank_you_enabled boolean not null default false,
  -- How long a request for a service that needs confirmation waits for staff before it is declined.
  add column confirmation_window_minutes integer not null default 1440
    check (confirmation_window_minutes between 60 and 10080);
grant update (address, customer_note, reminder_offsets_minutes, sms_reminders, thank_you_enabled,
  confirmation_window_minutes) on public.tenants to authenticated;

-- A request awaiting confirmation blocks its slot until staff answer or this instant passes.
alter table public.bookings add column confirm_by timestamptz;
-- The zone the customer booked from (their browser's), so messages state times as they live them.
alter table public.bookings add column customer_time_zone text
  check (customer_time_zone is null or private.is_time_zone(customer_time_zone));

-- The intro text an owner wrote for one kind of customer message (absent = the default text).
create table public.message_templates (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,40}$'),
  intro text not null check (char_length(intro) between 1 and 2000),
  updated_by uuid references public.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, kind)
);

-- Which staff alerts a member wants by email (absent = on).
create table public.member_alert_preferences (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,40}$'),
  email boolean not null,
  primary key (tenant_id, user_id, kind)
);

-- One row per message handed to a provider, keyed by the outbox delivery: a retried delivery skips
-- the recipients it already reached.
create table public.notification_sends (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  delivery_key text not null check (char_length(delivery_key) between 1 and 200),
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null check (char_length(recipient) between 3 and 254),
  kind text not null,
  provider_id text,
  sent_at timestamptz not null default now(),
  primary key (tenant_id, delivery_key, channel, recipient)
);
create index notification_sends_tenant_sent_idx on public.notification_sends (tenant_id, sent_at desc);

-- Customers who pressed one-click unsubscribe on a reminder or marketing email from this practice.
create table public.email_unsubscribes (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  email extensions.citext not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, email)
);

-- Numbers that replied STOP to the shared sending number: no practice may text them until START.
create table public.sms_opt_outs (
  phone text primary key check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  created_at timestamptz not null default now()
);

-- The dev SMS log: without Twilio, texts are stored here and shown on /dev/mailbox.
create table public.dev_sms (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  to_phone text not null,
  body text not null,
  tag text not null check (tag ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  tenant_id uuid references public.tenants (id) on delete cascade
);
create index dev_sms_tenant_id_idx on public.dev_sms (tenant_id, created_at desc);

alter table public.dev_mailbox
  add column attachments jsonb not null default '[]'::jsonb,
  add column headers jsonb not null default '{}'::jsonb;

alter table public.message_templates enable row level security;
alter table public.message_templates force row level security;
alter table public.member_alert_preferences enable row level security;
alter table public.member_alert_preferences force row level security;
alter table public.notification_sends enable row level security;
alter table public.notification_sends force row level security;
alter table public.email_unsubscribes enable row level security;
alter table public.email_unsubscribes force row level security;
alter table public.sms_opt_outs enable row level security;
alter table public.sms_opt_outs force row level security;
alter table public.dev_sms enable row level security;
alter table public.dev_sms force row level security;

revoke all on public.message_templates, public.member_alert_preferences, public.notification_sends,
  public.email_unsubscribes, public.sms_opt_outs, public.dev_sms from anon, authenticated;
grant all on public.message_templates, public.member_alert_preferences, public.notification_sends,
  public.email_unsubscribes, public.sms_opt_outs, public.dev_sms to service_role;

-- Templates: the team reads them (previews); owners and managers edit.
grant select, insert, update, delete on public.message_templates to authenticated;
create policy message_templates_select_team on public.message_templates for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy message_templates_write_managers on public.message_templates for all to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])))
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));

-- Alert preferences: each member their own, in their own practices.
grant select, insert, update, delete on public.member_alert_preferences to authenticated;
create policy member_alert_preferences_own on public.member_alert_preferences for all to authenticated
  using (user_id = (select auth.uid()) and tenant_id in (select private.tenant_ids_for_user()))
  with check (user_id = (select auth.uid()) and tenant_id in (select private.tenant_ids_for_user()));

-- Sends and unsubscribes are written by the worker and the unsubscribe route (system); managers read.
grant select on public.notification_sends, public.email_unsubscribes to authenticated;
create policy notification_sends_select_managers on public.notification_sends for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));
create policy email_unsubscribes_select_managers on public.email_unsubscribes for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager'])));

-- Opt-outs and the dev SMS log hold phone numbers across practices: no API role may read them.
create policy sms_opt_outs_no_api_access on public.sms_opt_outs for select to anon, authenticated
  using (false);
create policy dev_sms_no_api_access on public.dev_sms for select to anon, authenticated using (false);

-- The public booking path reads the window when it creates a request.
grant select (confirmation_window_minutes) on public.tenants to anon;
