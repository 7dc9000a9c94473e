-- Mail sent with a dedupe key (an outbox delivery key): a worker that dies after sending and before
-- recording its delivery retries the handler, and the mail module answers from here instead of sending
-- the message a second time. System access only, like the dev mailbox.

create table public.sent_mail (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  dedupe_key text not null check (char_length(dedupe_key) between 1 and 300),
  message_id text not null,
  sent_at timestamptz not null default now(),
  primary key (tenant_id, dedupe_key)
);

alter table public.sent_mail enable row level security;
alter table public.sent_mail force row level security;

revoke all on public.sent_mail from anon, authenticated;
grant select, insert, delete on public.sent_mail to service_role;
create policy sent_mail_no_api_access on public.sent_mail for select to anon, authenticated
  using (false);
