-- The dev mailbox: without SMTP_URL, outgoing mail is stored here and shown at /dev/mailbox instead of
-- leaving the machine. Messages carry login and reset tokens, so no API role may read them: only the
-- system path (service_role, which bypasses RLS) writes and lists them.

create table public.dev_mailbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  to_address text not null check (char_length(to_address) between 3 and 254),
  subject text not null check (char_length(subject) between 1 and 300),
  text_body text not null,
  html_body text,
  tag text not null check (tag ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  -- The practice a message was sent for, if any; its mail goes when the practice is deleted.
  tenant_id uuid references public.tenants (id) on delete cascade
);
create index dev_mailbox_tenant_id_idx on public.dev_mailbox (tenant_id, created_at desc);
create index dev_mailbox_to_address_idx on public.dev_mailbox (lower(to_address), id desc);

alter table public.dev_mailbox enable row level security;
alter table public.dev_mailbox force row level security;

-- Supabase grants new public tables to anon and authenticated by default; take that back explicitly.
revoke all on public.dev_mailbox from anon, authenticated;
grant select, insert, delete on public.dev_mailbox to service_role;
-- A policy that admits nothing: RLS denies API roles even if a grant is added later by mistake.
create policy dev_mailbox_no_api_access on public.dev_mailbox for select to anon, authenticated
  using (false);
