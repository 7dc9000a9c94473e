-- A signed-in customer (portal claims: tenant_id + customer_id, no sub) changes their own profile in
-- their own transaction; the change's customer.updated event goes into the outbox with it. Nothing else:
-- only that type, about themselves, in their practice.
create policy outbox_insert_own_customer on public.outbox for insert to authenticated
  with check (type = 'customer.updated'
              and subject_id = (select (auth.jwt() ->> 'customer_id')::uuid)
              and tenant_id = (select (auth.jwt() ->> 'tenant_id')::uuid)
              and status = 'pending' and attempts = 0);
