import { Type, type Static } from 'typebox';
import { IsoDateTime, LocalizedText, Uuid } from '../../shared/schemas.js';
import { CompetenceKind, LocalizedTextView, ScaleLevelView } from '../frameworks/schemas.js';

/* Request/response schemas of needs-analysis campaigns and their invitations (issue 3 items 1–2). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A calendar date, YYYY-MM-DD. */
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const CampaignStatus = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);
export type CampaignStatus = Static<typeof CampaignStatus>;
export const CampaignMode = Type.Union([Type.Literal('named'), Type.Literal('anonymous')]);
export type CampaignMode = Static<typeof CampaignMode>;
export const Perspective = Type.Union([Type.Literal('organisation'), Type.Literal('functioning'), Type.Literal('competence')]);
export type Perspective = Static<typeof Perspective>;
/** Languages offered to respondents; nl-easy is easy Dutch. */
export const CampaignLocale = Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en'), Type.Literal('nl-easy')]);
export type CampaignLocale = Static<typeof CampaignLocale>;
export const TargetGroup = Type.Union([
  Type.Literal('target_group_employee'),
  Type.Literal('supervisory_staff'),
  Type.Literal('other_staff'),
]);
export type TargetGroup = Static<typeof TargetGroup>;

/** Who is in the campaign; an empty list means "everyone" on that dimension. */
export const CampaignScope = Type.Object(
  {
    teamIds: Type.Array(Uuid, { maxItems: 500 }),
    functionProfileIds: Type.Array(Uuid, { maxItems: 500 }),
    targetGroups: Type.Array(TargetGroup, { maxItems: 3 }),
  },
  { additionalProperties: false },
);
export type CampaignScope = Static<typeof CampaignScope>;

const campaignFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  perspectives: Type.Array(Perspective, { minItems: 1, maxItems: 3 }),
  scope: CampaignScope,
  opensOn: IsoDate,
  closesOn: IsoDate,
  /** Must contain nl. */
  locales: Type.Array(CampaignLocale, { minItems: 1, maxItems: 4 }),
  mode: CampaignMode,
  /** Supervisors rate their people too; must be false in an anonymous campaign. */
  supervisorAssessment: Type.Boolean(),
  /** The final free-text question ("Wat wil je graag leren?"); null = not asked. */
  openQuestion: Nullable(LocalizedText(300)),
  /** Competences asked on top of those of the function profiles in scope. */
  addedCompetenceIds: Type.Array(Uuid, { maxItems: 500 }),
  /** Competences of the profiles in scope that are not asked. */
  removedCompetenceIds: Type.Array(Uuid, { maxItems: 500 }),
};

export const CreateCampaignBody = Type.Object(
  {
    title: campaignFields.title,
    description: Type.Optional(campaignFields.description),
    perspectives: campaignFields.perspectives,
    /** Default: the whole organisation. */
    scope: Type.Optional(campaignFields.scope),
    opensOn: campaignFields.opensOn,
    closesOn: campaignFields.closesOn,
    /** Default: ["nl"]. */
    locales: Type.Optional(campaignFields.locales),
    mode: campaignFields.mode,
    /** Default: true in a named campaign, false in an anonymous one. */
    supervisorAssessment: Type.Optional(campaignFields.supervisorAssessment),
    /** Default: null (no open question). */
    openQuestion: Type.Optional(campaignFields.openQuestion),
    addedCompetenceIds: Type.Optional(campaignFields.addedCompetenceIds),
    removedCompetenceIds: Type.Optional(campaignFields.removedCompetenceIds),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

/** Draft: every field. Open: only title, description and a later closesOn. Closed: nothing. */
export const UpdateCampaignBody = Type.Object(
  {
    title: Type.Optional(campaignFields.title),
    description: Type.Optional(campaignFields.description),
    perspectives: Type.Optional(campaignFields.perspectives),
    scope: Type.Optional(campaignFields.scope),
    opensOn: Type.Optional(campaignFields.opensOn),
    closesOn: Type.Optional(campaignFields.closesOn),
    locales: Type.Optional(campaignFields.locales),
    mode: Type.Optional(campaignFields.mode),
    supervisorAssessment: Type.Optional(campaignFields.supervisorAssessment),
    openQuestion: Type.Optional(campaignFields.openQuestion),
    addedCompetenceIds: Type.Optional(campaignFields.addedCompetenceIds),
    removedCompetenceIds: Type.Optional(campaignFields.removedCompetenceIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

export const CampaignParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });
export const InvitationParams = Type.Object({ orgId: Uuid, id: Uuid, invitationId: Uuid }, { additionalProperties: false });

export const CampaignListQuery = Type.Object({ status: Type.Optional(CampaignStatus) }, { additionalProperties: false });

export const CampaignSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  status: CampaignStatus,
  mode: CampaignMode,
  perspectives: Type.Array(Perspective),
  opensOn: IsoDate,
  closesOn: IsoDate,
  /** Persons with an invitation (0 for a draft). */
  invited: Type.Integer(),
  /** null in an anonymous campaign with fewer invited persons than the anonymity threshold. */
  submitted: Nullable(Type.Integer()),
  updatedAt: IsoDateTime,
});
export type CampaignSummary = Static<typeof CampaignSummary>;

export const CampaignCounts = Type.Object({
  /** Draft: persons in scope now. Open/closed: persons invited. */
  people: Type.Integer(),
  /** Draft: competences the campaign would ask now. Open/closed: competences asked. */
  competences: Type.Integer(),
  /** Links handed out and not revoked. */
  issued: Type.Integer(),
  revoked: Type.Integer(),
  /** Opened the link, not submitted yet; null when anonymity hides it. */
  started: Nullable(Type.Integer()),
  /** null when anonymity hides it (anonymous campaign with fewer than k persons). */
  submitted: Nullable(Type.Integer()),
});
export type CampaignCounts = Static<typeof CampaignCounts>;

export const CampaignDetail = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  title: Type.String(),
  description: Type.String(),
  perspectives: Type.Array(Perspective),
  mode: CampaignMode,
  status: CampaignStatus,
  opensOn: IsoDate,
  closesOn: IsoDate,
  locales: Type.Array(CampaignLocale),
  scope: CampaignScope,
  supervisorAssessment: Type.Boolean(),
  openQuestion: Nullable(LocalizedTextView),
  addedCompetenceIds: Type.Array(Uuid),
  removedCompetenceIds: Type.Array(Uuid),
  counts: CampaignCounts,
  /** The organisation's k (domain-rules §3): groups smaller than this are never shown. */
  anonymityThreshold: Type.Integer(),
  openedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type CampaignDetail = Static<typeof CampaignDetail>;

export const CampaignCompetenceView = Type.Object({
  competenceId: Uuid,
  key: Type.String(),
  kind: CompetenceKind,
  label: LocalizedTextView,
  frameworkKey: Type.String(),
  position: Type.Integer(),
  /** 'profile' = from a function profile in scope; 'added' = added by HR. */
  origin: Type.Union([Type.Literal('profile'), Type.Literal('added')]),
  /** Core if core in any profile in scope; null for added competences and once the campaign is open. */
  importance: Nullable(Type.Union([Type.Literal('core'), Type.Literal('supporting')])),
  /** Target for people whose own profile does not list the competence. */
  defaultRequiredLevel: Nullable(Type.Integer()),
  /** Profiles in scope that list it; null once the campaign is open (the list is frozen). */
  profileCount: Nullable(Type.Integer()),
  /** The levels respondents choose from: the competence framework's scale, else the default scale. */
  levels: Type.Array(ScaleLevelView),
});
export type CampaignCompetenceView = Static<typeof CampaignCompetenceView>;

export const CampaignCompetences = Type.Object({
  /** true once the campaign is open: the list no longer follows the profiles. */
  frozen: Type.Boolean(),
  items: Type.Array(CampaignCompetenceView),
  /** Competences HR removed (so a form can offer to put them back). */
  removed: Type.Array(Type.Object({ competenceId: Uuid, key: Type.String(), label: LocalizedTextView })),
});
export type CampaignCompetences = Static<typeof CampaignCompetences>;

export const InvitationStatus = Type.Union([
  Type.Literal('not_issued'),
  Type.Literal('issued'),
  Type.Literal('started'),
  Type.Literal('submitted'),
  Type.Literal('revoked'),
]);
export type InvitationStatus = Static<typeof InvitationStatus>;

export const InvitationListQuery = Type.Object(
  {
    /** Named campaigns: only this team's people. */
    teamId: Type.Optional(Uuid),
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 500 })),
  },
  { additionalProperties: false },
);
export type InvitationListQuery = Static<typeof InvitationListQuery>;

/** Named campaign: one row per person with the status only, never answers. */
export const NamedInvitations = Type.Object({
  mode: Type.Literal('named'),
  items: Type.Array(
    Type.Object({
      invitationId: Uuid,
      personId: Uuid,
      personName: Type.String(),
      teamId: Nullable(Uuid),
      teamName: Nullable(Type.String()),
      status: InvitationStatus,
      issuedAt: Nullable(IsoDateTime),
    }),
  ),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Nullable(Type.String()),
});

/** Anonymous campaign: no persons at all, only per-team counts, suppressed below k. */
export const AnonymousInvitations = Type.Object({
  mode: Type.Literal('anonymous'),
  threshold: Type.Integer(),
  groups: Type.Array(
    Type.Object({
      /** null = people without a team. */
      teamId: Nullable(Uuid),
      teamName: Nullable(Type.String()),
      suppressed: Type.Boolean(),
      invited: Nullable(Type.Integer()),
      started: Nullable(Type.Integer()),
      submitted: Nullable(Type.Integer()),
    }),
  ),
  total: Nullable(Type.Object({ invited: Type.Integer(), started: Type.Integer(), submitted: Type.Integer() })),
});

export const InvitationList = Type.Union([NamedInvitations, AnonymousInvitations]);
export type InvitationList = Static<typeof InvitationList>;

export const IssueLinksBody = Type.Object(
  {
    /** Only this team's people; null = people without a team. Omit for everyone. */
    teamId: Type.Optional(Nullable(Uuid)),
    /** Only these persons (each must be invited). */
    personIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000 })),
  },
  { additionalProperties: false },
);
export type IssueLinksBody = Static<typeof IssueLinksBody>;

export const IssuedLink = Type.Object({
  invitationId: Uuid,
  personName: Type.String(),
  teamName: Nullable(Type.String()),
  /** Personal link; the token sits in the fragment (#), so it never reaches server logs. */
  url: Type.String(),
});
export type IssuedLink = Static<typeof IssuedLink>;

export const IssuedLinks = Type.Object({
  /** Shown once: only hashes are stored. */
  links: Type.Array(IssuedLink),
  expiresAt: IsoDateTime,
});
export type IssuedLinks = Static<typeof IssuedLinks>;

export const QrSheetBody = Type.Object(
  {
    /** The team whose cards to print; null = people without a team. */
    teamId: Nullable(Uuid),
    /** Language of the instructions on the cards; default: the signed-in user's language. */
    locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type QrSheetBody = Static<typeof QrSheetBody>;
