import { Type } from 'typebox';

/** Reusable schema pieces. Only depends on typebox, so the web app may import it. */
export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const OrgParams = Type.Object({ orgId: Uuid }, { additionalProperties: false });
export const Locale = Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en')]);
export const IsoDateTime = Type.String({ format: 'date-time' });

/** Text per language; every value bounded so nobody stores a novel in a label. */
export const LocalizedText = (maxLength = 500) =>
  Type.Object(
    {
      nl: Type.Optional(Type.String({ maxLength })),
      fr: Type.Optional(Type.String({ maxLength })),
      en: Type.Optional(Type.String({ maxLength })),
      'nl-easy': Type.Optional(Type.String({ maxLength })),
    },
    { additionalProperties: false },
  );

export const LocalizedList = Type.Object(
  {
    nl: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100 })),
    fr: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100 })),
    en: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
