/**
 * What an API key may do: each scope grants actions of the permission matrix (lib/auth/permissions.ts).
 * Actions no scope grants — the team, ownership, settings, the audit log, API keys themselves — are
 * the signed-in team's alone. docs/roles.md shows this table as the matrix's "API key" column.
 */
import { Forbidden } from "@/lib/errors";

export const SCOPES = {
  "bookings:read": { label: "Read bookings", actions: ["bookings.view_own", "bookings.view_all"] },
  "bookings:write": {
    label: "Create and change bookings",
    actions: ["bookings.create", "bookings.change_own", "bookings.change_all"],
  },
  "customers:read": { label: "Read customers", actions: ["customers.view"] },
  "customers:write": { label: "Create and change customers", actions: ["customers.manage"] },
  "catalogue:read": {
    label: "Read services, staff and hours",
    actions: ["catalogue.view_public", "catalogue.view"],
  },
  "catalogue:write": { label: "Change services, staff and hours", actions: ["catalogue.manage"] },
  // Routes that need these two check them themselves: no matrix action stands for them.
  "availability:read": { label: "Read free slots", actions: [] },
  "reports:read": { label: "Read reports", actions: ["reports.view_own", "reports.view_all"] },
  "webhooks:manage": { label: "Manage webhook endpoints", actions: [] },
} as const satisfies Record<string, { label: string; actions: readonly string[] }>;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

/** The one scope that grants an action, or null for actions no key may take. */
export function scopeFor(action: string): Scope | null {
  for (const name of SCOPE_NAMES) {
    if ((SCOPES[name].actions as readonly string[]).includes(action)) return name;
  }
  return null;
}

/** A Forbidden that names the missing scope, so an integrator knows what to ask the practice for. */
export class MissingScope extends Forbidden {
  override readonly type: string = "missing-scope";
  override readonly title: string = "Missing scope";
  constructor(readonly scope: Scope) {
    super(`This API key lacks the "${scope}" scope.`);
  }
}

export class SessionOnly extends Forbidden {
  constructor() {
    super("API keys cannot use this endpoint: sign in to the dashboard.");
  }
}

export function assertScope(granted: readonly string[], scope: Scope): void {
  if (!granted.includes(scope)) throw new MissingScope(scope);
}

export function assertScopeFor(granted: readonly string[], action: string): void {
  const scope = scopeFor(action);
  if (!scope) throw new SessionOnly();
  assertScope(granted, scope);
}
