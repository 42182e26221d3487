import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { CompetenceKind, LocalizedTextView, ScaleView } from '../frameworks/schemas.js';

/* Request/response schemas of function profiles (an organisation's job descriptions). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const Importance = Type.Union([Type.Literal('core'), Type.Literal('supporting')]);
export type Importance = Static<typeof Importance>;

export const ProfileParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });

export const FunctionProfileSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  occupationId: Nullable(Uuid),
  scaleId: Uuid,
  competenceCount: Type.Integer(),
  updatedAt: IsoDateTime,
});
export type FunctionProfileSummary = Static<typeof FunctionProfileSummary>;

export const FunctionProfileItemView = Type.Object({
  competenceId: Uuid,
  key: Type.String(),
  kind: CompetenceKind,
  label: LocalizedTextView,
  frameworkKey: Type.String(),
  requiredLevel: Type.Integer(),
  importance: Importance,
  futureLevel: Nullable(Type.Integer()),
  horizonYear: Nullable(Type.Integer()),
});
export type FunctionProfileItemView = Static<typeof FunctionProfileItemView>;

export const FunctionProfileDetail = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  name: Type.String(),
  description: Type.String(),
  occupationId: Nullable(Uuid),
  occupation: Nullable(Type.Object({ id: Uuid, key: Type.String(), label: LocalizedTextView })),
  scaleId: Uuid,
  scale: ScaleView,
  /** In list order (position). */
  items: Type.Array(FunctionProfileItemView),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type FunctionProfileDetail = Static<typeof FunctionProfileDetail>;

export const CreateFunctionProfileBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    occupationId: Type.Optional(Uuid),
    /** Defaults to the default scale (key lk-default-0-4). */
    scaleId: Type.Optional(Uuid),
    /** With occupationId: add the occupation's essential competences (required = the scale's proficientFrom, core). */
    prefillFromOccupation: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateFunctionProfileBody = Static<typeof CreateFunctionProfileBody>;

export const UpdateFunctionProfileBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    /** null unlinks the occupation. */
    occupationId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFunctionProfileBody = Static<typeof UpdateFunctionProfileBody>;

export const FunctionProfileItemInput = Type.Object(
  {
    competenceId: Uuid,
    /** 1..max level of the profile's scale. */
    requiredLevel: Type.Integer({ minimum: 0, maximum: 100 }),
    importance: Importance,
    /** Required level at horizonYear (prognosis); needs horizonYear. */
    futureLevel: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
    /** Current year .. current year + 30; needs futureLevel. */
    horizonYear: Type.Optional(Nullable(Type.Integer({ minimum: 1900, maximum: 9999 }))),
  },
  { additionalProperties: false },
);
export type FunctionProfileItemInput = Static<typeof FunctionProfileItemInput>;

export const ReplaceItemsBody = Type.Object(
  { items: Type.Array(FunctionProfileItemInput, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type ReplaceItemsBody = Static<typeof ReplaceItemsBody>;

/** Import body: RFC 4180 CSV text (content-type text/csv), columns as in docs/api.md. */
export const ImportCsvBody = Type.String({ maxLength: 1_000_000 });

export const ImportResult = Type.Object({
  /** Profiles created by this import. */
  created: Type.Integer(),
  /** Existing profiles whose description or competences changed. */
  updated: Type.Integer(),
  /** Data rows read (header excluded). */
  rows: Type.Integer(),
  /** Rejected lines (1-based line numbers of the file); the other lines were applied. */
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })),
});
export type ImportResult = Static<typeof ImportResult>;
