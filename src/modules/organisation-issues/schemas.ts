import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView } from '../frameworks/schemas.js';

/* Request/response schemas of the organisation perspective: problems and goals (issue 3 item 5). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A calendar date, YYYY-MM-DD. */
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const IssueKind = Type.Union([Type.Literal('problem'), Type.Literal('goal')]);
export type IssueKind = Static<typeof IssueKind>;
export const IssueStatus = Type.Union([Type.Literal('open'), Type.Literal('addressed')]);
export type IssueStatus = Static<typeof IssueStatus>;

export const IssueParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });

export const IssueListQuery = Type.Object(
  {
    kind: Type.Optional(IssueKind),
    status: Type.Optional(IssueStatus),
    /** Only issues linked to this team. */
    teamId: Type.Optional(Uuid),
    /** Only issues linked to this competence. */
    competenceId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type IssueListQuery = Static<typeof IssueListQuery>;

export const IssueView = Type.Object({
  id: Uuid,
  kind: IssueKind,
  title: Type.String(),
  description: Type.String(),
  status: IssueStatus,
  observedOn: Nullable(IsoDate),
  campaignId: Nullable(Uuid),
  teams: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  competences: Type.Array(Type.Object({ id: Uuid, key: Type.String(), label: LocalizedTextView, frameworkKey: Type.String() })),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type IssueView = Static<typeof IssueView>;

const fields = {
  kind: IssueKind,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  status: IssueStatus,
  observedOn: Nullable(IsoDate),
  /** The needs-analysis campaign the issue belongs to (optional). */
  campaignId: Nullable(Uuid),
  /** Teams of the organisation the issue concerns; replaces the earlier list. */
  teamIds: Type.Array(Uuid, { maxItems: 200 }),
  /** Competences (public or the organisation's own) the issue concerns; replaces the earlier list. */
  competenceIds: Type.Array(Uuid, { maxItems: 200 }),
};

export const CreateIssueBody = Type.Object(
  {
    kind: fields.kind,
    title: fields.title,
    description: Type.Optional(fields.description),
    status: Type.Optional(fields.status),
    observedOn: Type.Optional(fields.observedOn),
    campaignId: Type.Optional(fields.campaignId),
    teamIds: Type.Optional(fields.teamIds),
    competenceIds: Type.Optional(fields.competenceIds),
  },
  { additionalProperties: false },
);
export type CreateIssueBody = Static<typeof CreateIssueBody>;

export const UpdateIssueBody = Type.Object(
  {
    kind: Type.Optional(fields.kind),
    title: Type.Optional(fields.title),
    description: Type.Optional(fields.description),
    status: Type.Optional(fields.status),
    observedOn: Type.Optional(fields.observedOn),
    campaignId: Type.Optional(fields.campaignId),
    teamIds: Type.Optional(fields.teamIds),
    competenceIds: Type.Optional(fields.competenceIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateIssueBody = Static<typeof UpdateIssueBody>;
