-- Idempotency-Key on every team API POST and PATCH (app/api/v1/_lib/conventions.ts): the route claims a
-- key in one transaction, runs the request, then stores the response (or drops the claim on failure), so
-- members and API keys now update and delete their practice's rows too (the policy is unchanged).
grant update, delete on public.idempotency_keys to authenticated;
