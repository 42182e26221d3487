import { Type, type Static } from 'typebox';
import { Uuid } from '../../shared/schemas.js';

/** Largest file an import accepts (CSV or JSON), in bytes. */
export const EXCHANGE_BODY_LIMIT = 10 * 1024 * 1024;

export const ExchangeFormat = Type.Union([Type.Literal('moodle'), Type.Literal('case')], {
  description: 'moodle = Moodle competency-framework CSV (tool_lpimportcsv); case = 1EdTech CASE 1.1 CFPackage JSON',
});
export const ExchangeLang = Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en')], { default: 'nl' });

export const ImportQuery = Type.Object(
  {
    format: ExchangeFormat,
    lang: Type.Optional({
      ...ExchangeLang,
      description: 'Language of the texts in the file (CASE: used when the items and document name none)',
    }),
  },
  { additionalProperties: false },
);

/**
 * A CASE package's outer shape; items and associations are checked one by one by the converter so
 * a bad one is reported by index instead of rejecting the whole package.
 */
export const CasePackageBody = Type.Object(
  {
    CFDocument: Type.Record(Type.String(), Type.Unknown()),
    CFItems: Type.Array(Type.Unknown(), { maxItems: 50_000 }),
    CFAssociations: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 200_000 })),
    CFDefinitions: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    CFRubrics: Type.Optional(Type.Array(Type.Unknown())),
    extensions: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Union([
  Type.String({ maxLength: EXCHANGE_BODY_LIMIT, description: 'Moodle CSV (text/csv)' }),
  CasePackageBody,
]);

export const ImportRowError = Type.Object({
  line: Type.Optional(Type.Integer({ description: 'Moodle CSV: 1-based line of the file (header = 1)' })),
  index: Type.Optional(Type.Integer({ description: 'CASE: 0-based index in CFItems or CFAssociations (named in the message)' })),
  message: Type.String(),
});

export const ImportResult = Type.Object({
  frameworkId: Uuid,
  frameworkKey: Type.String(),
  scaleKey: Type.String(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(ImportRowError),
});
export type ImportResult = Static<typeof ImportResult>;

export const ExportParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ExportQuery = Type.Object({ format: ExchangeFormat, lang: Type.Optional(ExchangeLang) }, { additionalProperties: false });
