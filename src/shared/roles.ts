/** Roles a membership can carry, per organisation. */
export const roles = ['platform_admin', 'org_admin', 'hr', 'manager', 'employee', 'analyst', 'provider_staff', 'assessor'] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ['employer', 'sector_body', 'training_provider', 'authority'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const locales = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof locales)[number];
