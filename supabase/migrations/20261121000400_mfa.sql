-- Two-factor authentication (TOTP + backup codes), MFA-pending sessions, account unlock links, and a
-- practice setting that requires MFA for some roles. Users are global, so MFA rows are per user.
--
-- The secret and the code hashes never reach an API role: MFA checks run on the system path (they must
-- read the secret under a row lock), and the user's own session may read only whether MFA is on.

-- A practice may require MFA of its owners, managers and/or staff (customers sign in differently).
alter table public.tenants
  add column mfa_required_roles text[] not null default '{}'
    check (mfa_required_roles <@ array['owner', 'manager', 'staff']::text[]);
grant update (mfa_required_roles) on public.tenants to authenticated;

-- Password accepted, second factor not yet: such a row is a challenge, never a signed-in session.
alter table public.user_sessions add column mfa_pending boolean not null default false;
grant select (mfa_pending) on public.user_sessions to authenticated;

create table public.user_mfa (
  user_id uuid primary key references public.users (id) on delete cascade,
  -- encryptSecret() payload (AES-256-GCM, associated data "mfa:<user_id>"); key_id mirrors the id
  -- inside it so a key rotation can find the rows still on an old key.
  secret_encrypted text not null check (secret_encrypted like 'v1:%'),
  key_id text not null check (key_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  -- Null while enrolment waits for the first code; MFA is on only once this is set.
  enabled_at timestamptz,
  -- The last accepted RFC 6238 time step: a code is accepted only for a later step (no replays).
  last_used_step bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger user_mfa_touch before update on public.user_mfa
  for each row execute function private.touch_updated_at();

create table public.user_backup_codes (
  user_id uuid not null references public.users (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  code_hash text not null check (code_hash like '$argon2id$%'),
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, id)
);

-- Emailed when an account reaches its hourly cap of failed attempts; only a SHA-256 is stored.
create table public.account_unlock_tokens (
  token_hash bytea primary key,
  user_id uuid not null references public.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index account_unlock_tokens_user_idx on public.account_unlock_tokens (user_id, expires_at desc);

alter table public.user_mfa enable row level security;
alter table public.user_mfa force row level security;
alter table public.user_backup_codes enable row level security;
alter table public.user_backup_codes force row level security;
alter table public.account_unlock_tokens enable row level security;
alter table public.account_unlock_tokens force row level security;

-- Supabase grants new public tables to the API roles by default; take that back, then grant columns.
revoke all on public.user_mfa, public.user_backup_codes, public.account_unlock_tokens from anon, authenticated;
grant all on public.user_mfa, public.user_backup_codes, public.account_unlock_tokens to service_role;

-- You may see whether your own MFA is on (and since when); never the secret.
grant select (user_id, enabled_at, created_at) on public.user_mfa to authenticated;
create policy user_mfa_select_own on public.user_mfa for select to authenticated
  using (user_id = (select auth.uid()));

-- You may count your own unused backup codes; never their hashes.
grant select (user_id, id, used_at, created_at) on public.user_backup_codes to authenticated;
create policy user_backup_codes_select_own on public.user_backup_codes for select to authenticated
  using (user_id = (select auth.uid()));

-- Unlock tokens are the system's alone; a policy that admits nothing guards against a stray grant.
create policy account_unlock_tokens_no_api_access on public.account_unlock_tokens for select
  to anon, authenticated using (false);
