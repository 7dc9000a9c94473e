-- The public availability query needs each booking's buffers to widen its busy time.
grant select (buffer_before_minutes, buffer_after_minutes) on public.bookings to anon;
