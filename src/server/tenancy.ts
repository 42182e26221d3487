import { AppError } from './errors.js';
import type { Role } from '../shared/roles.js';

export interface Membership {
  organisationId: string;
  role: Role;
}

/** Who is calling. `null` actor = anonymous request. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  memberships: Membership[];
  /** A platform_admin membership anywhere makes the user an administrator of the platform. */
  isPlatformAdmin: boolean;
}

/**
 * Every permission in the app and the roles that hold it inside their organisation.
 * platform_admin holds every permission everywhere. This table is the single place where access
 * is decided; docs/architecture.md shows it as a matrix.
 */
export const permissions = {
  'organisation:read': ['org_admin', 'hr', 'manager', 'employee', 'analyst', 'provider_staff', 'assessor'],
  'organisation:manage': ['org_admin'],
  'members:read': ['org_admin', 'hr'],
  'members:manage': ['org_admin'],
  'audit:read': ['org_admin'],
  'people:read': ['org_admin', 'hr', 'manager'],
  'profile:read': ['org_admin', 'hr', 'manager', 'analyst', 'employee', 'assessor'],
  'profile:write': ['org_admin', 'hr'],
  'framework:read': ['org_admin', 'hr', 'manager', 'employee', 'analyst', 'provider_staff', 'assessor'],
  'framework:write': ['org_admin', 'hr'],
  'import:run': ['org_admin', 'hr'],
  'data:export': ['org_admin', 'hr', 'analyst'],
  // Needs analysis (issue 3). Managers act only on their own team's people (checked in services).
  'campaign:read': ['org_admin', 'hr'],
  'campaign:manage': ['org_admin', 'hr'],
  'assessment:write': ['org_admin', 'hr', 'manager'],
  'diagnosis:read': ['org_admin', 'hr', 'manager'],
  'learning-question:read': ['org_admin', 'hr', 'manager'],
  'learning-question:write': ['org_admin', 'hr', 'manager'],
  'organisation-issue:read': ['org_admin', 'hr', 'manager'],
  'organisation-issue:write': ['org_admin', 'hr'],
  'starr:write': ['org_admin', 'hr', 'manager'],
  // Training needs and prioritisation (issue 4).
  'need:read': ['org_admin', 'hr', 'manager'],
  'need:write': ['org_admin', 'hr'],
  'priority:configure': ['org_admin', 'hr'],
  // Training plan, funding and follow-up (issue 4).
  'plan:read': ['org_admin', 'hr', 'manager'],
  'plan:write': ['org_admin', 'hr'],
  'plan:approve': ['org_admin'],
  // Training offers (issue 5): a training provider's own catalog.
  'offer:read': ['org_admin', 'provider_staff'],
  'offer:write': ['org_admin', 'provider_staff'],
  // Enrolment and matching (issue 5): employers enrol their people; providers keep their lists.
  'enrolment:manage': ['org_admin', 'hr'],
  'enrolment:provider': ['org_admin', 'provider_staff'],
  'matching:read': ['org_admin', 'hr', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('auth.required', { status: 401, detail: 'Sign in first.' });
  return actor;
}

export function rolesIn(actor: Actor, organisationId: string): Role[] {
  return actor.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.role);
}

export function can(actor: Actor, permission: Permission, organisationId: string): boolean {
  if (actor.isPlatformAdmin) return true;
  const allowed: readonly Role[] = permissions[permission];
  return rolesIn(actor, organisationId).some((role) => allowed.includes(role));
}

/**
 * The tenancy guard. Outsiders of the organisation get the same 404 as for a missing
 * organisation (no existence leak); members without the permission get 403.
 */
export function requireOrgPermission(actor: Actor | null, permission: Permission, organisationId: string): Actor {
  const who = requireActor(actor);
  if (can(who, permission, organisationId)) return who;
  if (rolesIn(who, organisationId).length === 0) {
    throw new AppError('tenancy.not_found', { status: 404, detail: 'The organisation does not exist or you are not a member.' });
  }
  throw new AppError('tenancy.forbidden', { status: 403, detail: `Your role in this organisation does not allow ${permission}.` });
}

export function requirePlatformAdmin(actor: Actor | null): Actor {
  const who = requireActor(actor);
  if (!who.isPlatformAdmin) throw new AppError('tenancy.forbidden', { status: 403, detail: 'Only platform administrators may do this.' });
  return who;
}

/** Organisations whose private data (frameworks, profiles) the actor may read. */
export function readableOrganisations(actor: Actor | null, permission: Permission): string[] | 'all' {
  if (!actor) return [];
  if (actor.isPlatformAdmin) return 'all';
  const allowed: readonly Role[] = permissions[permission];
  return [...new Set(actor.memberships.filter((m) => allowed.includes(m.role)).map((m) => m.organisationId))];
}
