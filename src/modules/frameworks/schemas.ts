import { Type, type Static } from 'typebox';
import { Locale, LocalizedList, LocalizedText, Uuid } from '../../shared/schemas.js';

/*
 * Request/response schemas of the frameworks module (frameworks, competences, scales,
 * occupations). The web app imports these. Multilingual fields are `{nl?, fr?, en?, 'nl-easy'?}`
 * objects, except in search results, where `label`/`description` are already picked for the
 * requested `lang` (falling back to nl, then en, then fr).
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const CompetenceKind = Type.Union([
  Type.Literal('skill'),
  Type.Literal('knowledge'),
  Type.Literal('attitude'),
  Type.Literal('transversal'),
  Type.Literal('group'),
]);
export type CompetenceKind = Static<typeof CompetenceKind>;

export const LocalizedTextView = Type.Object({
  nl: Type.Optional(Type.String()),
  fr: Type.Optional(Type.String()),
  en: Type.Optional(Type.String()),
  'nl-easy': Type.Optional(Type.String()),
});
export const LocalizedListView = Type.Object({
  nl: Type.Optional(Type.Array(Type.String())),
  fr: Type.Optional(Type.Array(Type.String())),
  en: Type.Optional(Type.Array(Type.String())),
});

// ---------------------------------------------------------------- scales

export const ScaleLevelView = Type.Object({
  level: Type.Integer(),
  label: LocalizedTextView,
  descriptor: LocalizedTextView,
  pictogram: Nullable(Type.String()),
});

export const ScaleView = Type.Object({
  id: Uuid,
  key: Type.String(),
  /** null = available to every organisation. */
  organisationId: Nullable(Uuid),
  name: LocalizedTextView,
  /** First level that counts as "proficient". */
  proficientFrom: Type.Integer(),
  /** Highest level (levels run 0..maxLevel). */
  maxLevel: Type.Integer(),
  levels: Type.Array(ScaleLevelView),
});
export type ScaleView = Static<typeof ScaleView>;

// ---------------------------------------------------------------- frameworks

export const FrameworkListQuery = Type.Object(
  {
    /** Public frameworks plus this organisation's own; without it: public plus all of the caller's organisations. */
    orgId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const FrameworkView = Type.Object({
  id: Uuid,
  key: Type.String(),
  title: LocalizedTextView,
  description: LocalizedTextView,
  source: Type.String(),
  version: Nullable(Type.String()),
  attribution: Nullable(Type.String()),
  /** null = public framework. */
  organisationId: Nullable(Uuid),
  scaleId: Nullable(Uuid),
  /** Competences excluding grouping nodes (kind "group"). */
  competenceCount: Type.Integer(),
});
export type FrameworkView = Static<typeof FrameworkView>;

export const FrameworkDetail = Type.Object({
  ...FrameworkView.properties,
  scale: Nullable(ScaleView),
});
export type FrameworkDetail = Static<typeof FrameworkDetail>;

export const FrameworkParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ChildrenQuery = Type.Object(
  {
    /** Omit for the roots of the tree. */
    parentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const TreeNodeView = Type.Object({
  id: Uuid,
  key: Type.String(),
  kind: CompetenceKind,
  label: LocalizedTextView,
  code: Nullable(Type.String()),
  childCount: Type.Integer(),
});
export type TreeNodeView = Static<typeof TreeNodeView>;

// ---------------------------------------------------------------- competences

export const CompetenceSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    lang: Type.Optional(Locale),
    frameworkId: Type.Optional(Uuid),
    /** Restrict to public frameworks plus this organisation's own. */
    orgId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type CompetenceSearchQuery = Static<typeof CompetenceSearchQuery>;

export const MatchedBy = Type.Union([Type.Literal('fulltext'), Type.Literal('trigram'), Type.Literal('prefix')]);
export type MatchedBy = Static<typeof MatchedBy>;

export const CompetenceSearchResult = Type.Object({
  id: Uuid,
  key: Type.String(),
  frameworkId: Uuid,
  frameworkKey: Type.String(),
  /** In the requested language. */
  frameworkTitle: Type.String(),
  kind: CompetenceKind,
  /** In the requested language. */
  label: Type.String(),
  /** In the requested language, shortened to about 200 characters. */
  description: Type.String(),
  attribution: Nullable(Type.String()),
  /** 0..1, higher is better; results are sorted by it. */
  score: Type.Number(),
  matchedBy: MatchedBy,
});
export type CompetenceSearchResult = Static<typeof CompetenceSearchResult>;

export const CompetenceParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const CompetenceRef = Type.Object({ id: Uuid, label: LocalizedTextView });

export const CompetenceDetail = Type.Object({
  id: Uuid,
  key: Type.String(),
  kind: CompetenceKind,
  label: LocalizedTextView,
  altLabels: LocalizedListView,
  description: LocalizedTextView,
  code: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  framework: Type.Object({ id: Uuid, key: Type.String(), title: LocalizedTextView, attribution: Nullable(Type.String()) }),
  /** Ancestors, root first, ending with the parent. */
  path: Type.Array(CompetenceRef),
  children: Type.Array(Type.Object({ id: Uuid, label: LocalizedTextView, kind: CompetenceKind })),
  /** At most 50, essential first. */
  occupations: Type.Array(
    Type.Object({
      id: Uuid,
      key: Type.String(),
      label: LocalizedTextView,
      relation: Type.Union([Type.Literal('essential'), Type.Literal('optional')]),
    }),
  ),
  /** competence_relations in both directions, at most 50. */
  relatedCompetences: Type.Array(
    Type.Object({
      id: Uuid,
      key: Type.String(),
      label: LocalizedTextView,
      kind: CompetenceKind,
      /** Relation kind: broader | essential | optional. */
      relation: Type.String(),
      /** outgoing: this competence → the other; incoming: the other → this one. */
      direction: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')]),
    }),
  ),
});
export type CompetenceDetail = Static<typeof CompetenceDetail>;

// ---------------------------------------------------------------- occupations

export const OccupationSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    lang: Type.Optional(Locale),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const OccupationSearchResult = Type.Object({
  id: Uuid,
  key: Type.String(),
  code: Nullable(Type.String()),
  iscoCode: Nullable(Type.String()),
  /** In the requested language. */
  label: Type.String(),
  score: Type.Number(),
  matchedBy: MatchedBy,
});

export const OccupationCompetenceView = Type.Object({
  id: Uuid,
  key: Type.String(),
  kind: CompetenceKind,
  label: LocalizedTextView,
  frameworkKey: Type.String(),
});

export const OccupationDetail = Type.Object({
  id: Uuid,
  key: Type.String(),
  code: Nullable(Type.String()),
  iscoCode: Nullable(Type.String()),
  isGroup: Type.Boolean(),
  label: LocalizedTextView,
  altLabels: LocalizedListView,
  description: LocalizedTextView,
  essentialCompetences: Type.Array(OccupationCompetenceView),
  optionalCompetences: Type.Array(OccupationCompetenceView),
});
export type OccupationDetail = Static<typeof OccupationDetail>;

export const OccupationParams = Type.Object({ id: Uuid }, { additionalProperties: false });

// ---------------------------------------------------------------- own frameworks (writes)

const Key = Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*$' });

export const CreateFrameworkBody = Type.Object(
  {
    key: Key,
    title: LocalizedText(200),
    description: Type.Optional(LocalizedText(4000)),
    /** Defaults to the default scale (lk-default-0-4). */
    scaleId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateFrameworkBody = Static<typeof CreateFrameworkBody>;

export const OrgFrameworkParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });
export const OrgCompetenceParams = Type.Object({ orgId: Uuid, id: Uuid, competenceId: Uuid }, { additionalProperties: false });

export const CreateCompetenceBody = Type.Object(
  {
    key: Key,
    parentId: Type.Optional(Uuid),
    kind: CompetenceKind,
    label: LocalizedText(300),
    altLabels: Type.Optional(LocalizedList),
    description: Type.Optional(LocalizedText(4000)),
    code: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CreateCompetenceBody = Static<typeof CreateCompetenceBody>;

export const UpdateCompetenceBody = Type.Object(
  {
    /** null moves the competence to the root. */
    parentId: Type.Optional(Nullable(Uuid)),
    kind: Type.Optional(CompetenceKind),
    label: Type.Optional(LocalizedText(300)),
    altLabels: Type.Optional(LocalizedList),
    description: Type.Optional(LocalizedText(4000)),
    code: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCompetenceBody = Static<typeof UpdateCompetenceBody>;

/** What a write on an own framework returns: the competence as the tree shows it. */
export const CompetenceWriteView = Type.Object({
  id: Uuid,
  key: Type.String(),
  frameworkId: Uuid,
  parentId: Nullable(Uuid),
  kind: CompetenceKind,
  label: LocalizedTextView,
  altLabels: LocalizedListView,
  description: LocalizedTextView,
  code: Nullable(Type.String()),
  position: Type.Integer(),
});
export type CompetenceWriteView = Static<typeof CompetenceWriteView>;
