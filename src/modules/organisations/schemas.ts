import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { organisationKinds, roles } from '../../shared/roles.js';

export const OrganisationKind = Type.Union(organisationKinds.map((k) => Type.Literal(k)));
export const Role = Type.Union(roles.map((r) => Type.Literal(r)));

export const OrganisationSettings = Type.Object(
  {
    anonymityThreshold: Type.Optional(Type.Integer({ minimum: 3, maximum: 50 })),
    validityMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  },
  { additionalProperties: false },
);

export const OrganisationView = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  kind: Type.String(),
  postcode: Type.Union([Type.String(), Type.Null()]),
  settings: Type.Object({ anonymityThreshold: Type.Integer(), validityMonths: Type.Integer() }),
  myRoles: Type.Array(Type.String()),
  sectorMemberCount: Type.Integer(),
});
export type OrganisationView = Static<typeof OrganisationView>;

export const CreateOrganisationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9][a-z0-9-]*$' }),
    kind: OrganisationKind,
    postcode: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{3}$' })),
  },
  { additionalProperties: false },
);

export const MemberView = Type.Object({
  membershipId: Uuid,
  userId: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
});

export const GrantRoleBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), role: Role },
  { additionalProperties: false },
);

export const MembershipParams = Type.Object({ orgId: Uuid, membershipId: Uuid }, { additionalProperties: false });

export const SectorMemberBody = Type.Object({ memberId: Uuid }, { additionalProperties: false });
export const SectorMemberView = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() });

export const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    before: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export const AuditEntryView = Type.Object({
  id: Uuid,
  at: Type.String(),
  event: Type.String(),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

export const TeamView = Type.Object({ id: Uuid, name: Type.String(), people: Type.Integer() });
