-- Owners set how long an unconfirmed online booking holds its slot (tenants.hold_minutes, 1–1440).
grant update (hold_minutes) on public.tenants to authenticated;
