-- Cancellation policies, per-service payment rules and the payments ledger (issue 9).
-- A policy is jsonb validated by lib/policies (zod); the database only insists it is an object.

-- The practice's policy (null: the default for new practices); owners change it.
alter table public.tenants
  add column cancellation_policy jsonb check (cancellation_policy is null or jsonb_typeof(cancellation_policy) = 'object'),
  add column last_receipt_number integer not null default 0 check (last_receipt_number >= 0);
grant update (cancellation_policy) on public.tenants to authenticated;
-- The public booking page shows the policy before a guest books.
grant select (cancellation_policy) on public.tenants to anon;

-- A service's own policy (null: the practice's) and what a customer pays online when booking it.
alter table public.services
  add column cancellation_policy jsonb check (cancellation_policy is null or jsonb_typeof(cancellation_policy) = 'object'),
  add column payment_rule text not null default 'none'
    check (payment_rule in ('none', 'deposit', 'prepayment', 'card_on_file')),
  add column deposit_cents integer check (deposit_cents > 0),
  add column deposit_bps integer check (deposit_bps between 1 and 10000),
  add constraint services_deposit_shape check (
    case payment_rule
      when 'deposit' then (deposit_cents is null) <> (deposit_bps is null)
      else deposit_cents is null and deposit_bps is null
    end);

-- The booking keeps what applied when it was made: the policy, the payment rule and the amount asked.
alter table public.bookings
  add column cancellation_policy jsonb not null default
    '{"tiers":[{"min_notice_minutes":1440,"refund_bps":10000,"fee":null},{"min_notice_minutes":0,"refund_bps":0,"fee":null}],"no_show_fee":null,"customer_cancel":{"allowed":true,"until_minutes_before":0},"customer_reschedule":{"allowed":true,"until_minutes_before":0}}'::jsonb
    check (jsonb_typeof(cancellation_policy) = 'object'),
  add column payment_rule text not null default 'none'
    check (payment_rule in ('none', 'deposit', 'prepayment', 'card_on_file')),
  add column amount_due_cents integer not null default 0 check (amount_due_cents >= 0);

-- Bookings made before policies existed keep the rule they were made under: no online change inside the
-- service's minimum notice (what the customer portal enforced).
update public.bookings b
set cancellation_policy = jsonb_set(
      jsonb_set(b.cancellation_policy, '{customer_cancel,until_minutes_before}', to_jsonb(s.min_notice_minutes)),
      '{customer_reschedule,until_minutes_before}', to_jsonb(s.min_notice_minutes))
from public.services s
where s.tenant_id = b.tenant_id and s.id = b.service_id;

-- The ledger: every charge, refund, fee and manual payment. Amounts are positive minor units; a
-- refund points at the payment it gives back. Rows change status (pending → succeeded) but are not deleted.
create table public.payments (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  booking_id uuid,
  customer_id uuid,
  kind text not null check (kind in ('charge', 'refund', 'fee')),
  purpose text not null check (purpose in ('deposit', 'prepayment', 'balance', 'card_on_file', 'no_show_fee',
    'late_cancel_fee', 'refund')),
  method text not null check (method in ('card', 'cash', 'terminal', 'bank_transfer', 'other')),
  provider text not null default 'offline' check (provider in ('offline', 'stripe')),
  provider_ref text check (char_length(provider_ref) <= 255),
  status text not null check (status in ('pending', 'requires_action', 'succeeded', 'failed', 'cancelled')),
  amount_cents integer not null check (amount_cents > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  refund_of uuid,
  note text not null default '' check (char_length(note) <= 500),
  failure_reason text check (char_length(failure_reason) <= 500),
  receipt_number integer,
  recorded_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, booking_id) references public.bookings (tenant_id, id) on delete set null (booking_id),
  foreign key (tenant_id, customer_id) references public.customers (tenant_id, id) on delete set null (customer_id),
  foreign key (tenant_id, refund_of) references public.payments (tenant_id, id),
  check ((kind = 'refund') = (refund_of is not null)),
  check ((kind = 'refund') = (purpose = 'refund')),
  unique (tenant_id, receipt_number)
);
create index payments_booking_idx on public.payments (tenant_id, booking_id);
create index payments_created_idx on public.payments (tenant_id, created_at);
create index payments_customer_idx on public.payments (tenant_id, customer_id);
create unique index payments_provider_ref_idx on public.payments (tenant_id, provider, provider_ref)
  where provider_ref is not null;

-- Receipt numbers run 1, 2, 3 … per practice and are given when money has actually moved. The tenant
-- row is locked by the update, so two payments never share a number.
create or replace function private.payments_receipt_number() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  new.updated_at := now();
  -- The number is the database's to give: whatever a caller sent is ignored, and it never changes.
  new.receipt_number := case when tg_op = 'UPDATE' then old.receipt_number end;
  if new.status = 'succeeded' and new.receipt_number is null then
    update public.tenants set last_receipt_number = last_receipt_number + 1
      where id = new.tenant_id returning last_receipt_number into new.receipt_number;
  end if;
  return new;
end
$$;
revoke all on function private.payments_receipt_number() from public;
create trigger payments_receipt_number before insert or update on public.payments
  for each row execute function private.payments_receipt_number();

alter table public.payments enable row level security;
alter table public.payments force row level security;
grant all on public.payments to service_role;
-- The team reads the ledger and records payments taken at the desk; status changes come from the
-- provider's side (the system path), so the API roles get no update or delete.
grant select, insert on public.payments to authenticated;
create policy payments_select_team on public.payments for select to authenticated
  using (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
create policy payments_insert_team on public.payments for insert to authenticated
  with check (tenant_id in (select private.tenant_ids_with_role(array['owner', 'manager', 'staff'])));
-- A signed-in customer reads their own payments (portal history) in the practice they signed in to.
create policy payments_select_own_customer on public.payments for select to authenticated
  using (customer_id = (select (auth.jwt() ->> 'customer_id')::uuid)
         and tenant_id = (select (auth.jwt() ->> 'tenant_id')::uuid));
