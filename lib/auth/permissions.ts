/**
 * The permission matrix of docs/roles.md, as data. Each cell keeps the words beside the actions
 * they grant, so the table a reader sees and the checks the code runs cannot drift apart. RLS policies
 * enforce the same rules for writes; these checks give a clear error first.
 */

import { assertScopeFor } from "@/lib/api-keys/fields";
import type { Actor, TenantRole } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

export const PERMISSION_ROLES = ["customer", "staff", "manager", "owner", "platform_admin"] as const;
export type PermissionRole = (typeof PERMISSION_ROLES)[number];

/** What each action lets someone do, phrased to finish "You are not allowed to …". */
export const ACTIONS = {
  "bookings.create": "create bookings",
  "bookings.view_own": "see your own bookings",
  "bookings.change_own": "change your own bookings",
  "bookings.view_all": "see every booking in the practice",
  "bookings.change_all": "change any booking in the practice",
  "bookings.view_as_support": "view a practice's bookings as support (audited)",
  "customers.view_own_profile": "see your own customer profile",
  "customers.edit_own_profile": "change your own customer profile",
  "customers.view": "see the practice's customers",
  "customers.manage": "change the practice's customers",
  "catalogue.view_public": "see the public services",
  "catalogue.view": "see the services, staff and working hours",
  "catalogue.manage": "change the services, staff and working hours",
  "team.invite_staff": "invite staff (and resend or revoke their invitations)",
  "team.invite_manager": "invite managers",
  "team.change_roles": "change team members' roles",
  "team.remove_members": "remove team members",
  "team.transfer_ownership": "transfer ownership of the practice",
  "settings.view": "see the practice's settings, billing and API keys",
  "settings.manage": "change the practice's settings, billing and API keys or publish its booking page",
  "settings.api_keys": "create, roll and revoke the practice's API keys",
  "audit.view": "read the practice's audit log",
  "jobs.manage": "see, retry and discard the practice's background jobs",
  "tenants.suspend": "suspend practices",
  "reports.view_own": "see your own reports",
  "reports.view_all": "see all of the practice's reports",
  "reports.view_platform": "see platform reports",
} as const;
export type Action = keyof typeof ACTIONS;

export const AREAS = {
  bookings: "Bookings",
  customers: "Customers",
  catalogue: "Services, staff, hours",
  team: "Team and roles",
  settings: "Settings, billing, API keys",
  reports: "Reports",
} as const;
export type Area = keyof typeof AREAS;

export type Cell = { label: string; actions: readonly Action[] };

const NONE: Cell = { label: "—", actions: [] };
const ALL_BOOKINGS: Cell = {
  label: "all in tenant",
  actions: [
    "bookings.create",
    "bookings.view_own",
    "bookings.change_own",
    "bookings.view_all",
    "bookings.change_all",
  ],
};
const ALL_CUSTOMERS: Cell = { label: "all", actions: ["customers.view", "customers.manage"] };
const MANAGE_CATALOGUE: Cell = {
  label: "manage",
  actions: ["catalogue.view_public", "catalogue.view", "catalogue.manage"],
};
const ALL_REPORTS: Cell = { label: "all", actions: ["reports.view_own", "reports.view_all"] };

/**
 * Rows and columns exactly as in the issue. The audit log sits with settings: whoever may view them.
 * The Jobs page (background deliveries: mail, reminders, later webhooks) is the owner's (issue 8).
 */
export const MATRIX: Record<PermissionRole, Record<Area, Cell>> = {
  customer: {
    bookings: { label: "own only", actions: ["bookings.view_own", "bookings.change_own"] },
    customers: {
      label: "own profile",
      actions: ["customers.view_own_profile", "customers.edit_own_profile"],
    },
    catalogue: { label: "view public", actions: ["catalogue.view_public"] },
    team: NONE,
    settings: NONE,
    reports: NONE,
  },
  staff: {
    bookings: {
      label: "create; view and change own",
      actions: ["bookings.create", "bookings.view_own", "bookings.change_own"],
    },
    customers: { label: "view", actions: ["customers.view"] },
    catalogue: { label: "view", actions: ["catalogue.view_public", "catalogue.view"] },
    team: NONE,
    settings: NONE,
    reports: { label: "own", actions: ["reports.view_own"] },
  },
  manager: {
    bookings: ALL_BOOKINGS,
    customers: ALL_CUSTOMERS,
    catalogue: MANAGE_CATALOGUE,
    team: { label: "invite staff", actions: ["team.invite_staff"] },
    // Issue 10: managers create and revoke API keys too; the cell still reads "view".
    settings: { label: "view", actions: ["settings.view", "settings.api_keys", "audit.view"] },
    reports: ALL_REPORTS,
  },
  owner: {
    bookings: ALL_BOOKINGS,
    customers: ALL_CUSTOMERS,
    catalogue: MANAGE_CATALOGUE,
    team: {
      label: "manage all, transfer ownership",
      actions: [
        "team.invite_staff",
        "team.invite_manager",
        "team.change_roles",
        "team.remove_members",
        "team.transfer_ownership",
      ],
    },
    settings: {
      label: "manage",
      actions: ["settings.view", "settings.manage", "settings.api_keys", "audit.view", "jobs.manage"],
    },
    reports: ALL_REPORTS,
  },
  platform_admin: {
    bookings: { label: 'via an audited "view as support"', actions: ["bookings.view_as_support"] },
    customers: NONE,
    catalogue: NONE,
    team: NONE,
    settings: { label: "suspend tenants", actions: ["tenants.suspend"] },
    reports: { label: "platform", actions: ["reports.view_platform"] },
  },
};

const granted = new Map<PermissionRole, ReadonlySet<Action>>(
  PERMISSION_ROLES.map((role) => [role, new Set(Object.values(MATRIX[role]).flatMap((c) => c.actions))]),
);

export function can(role: PermissionRole, action: Action): boolean {
  return granted.get(role)?.has(action) ?? false;
}

/**
 * The member's role, or a Forbidden: only members of the practice act on it. An API key acts as its
 * practice with exactly its scopes (lib/api-keys/scopes.ts), whatever role it carries for RLS.
 */
export function assertCan(actor: Actor, action: Action): asserts actor is MemberActor {
  if (actor.kind === "member" && actor.apiKey) {
    assertScopeFor(actor.apiKey.scopes, action);
    return;
  }
  if (actor.kind !== "member" || !can(actor.role, action)) {
    throw new Forbidden(`You are not allowed to ${ACTIONS[action]}.`);
  }
}

type MemberActor = Extract<Actor, { kind: "member" }>;

/** Roles a member can be given in the dashboard (customers join through the booking page). */
export const TEAM_ROLES = ["owner", "manager", "staff"] as const satisfies readonly TenantRole[];
export type TeamRole = (typeof TEAM_ROLES)[number];
