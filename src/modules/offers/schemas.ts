import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView } from '../frameworks/schemas.js';

/* Request/response schemas of training offers (issue 5 items 1–3). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const OfferFormat = Type.Union([
  Type.Literal('classroom'),
  Type.Literal('online'),
  Type.Literal('blended'),
  Type.Literal('workplace'),
]);
export const OfferStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
export const AccessibilityFlag = Type.Union([Type.Literal('plain_language'), Type.Literal('dutch_a1_a2'), Type.Literal('wheelchair')]);
const IsoDate = Type.String({ format: 'date' });
const Level = Type.Integer({ minimum: 1, maximum: 4 });
const Axis = Type.Integer({ minimum: -2, maximum: 2 });

export const OfferParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });
export const EditionParams = Type.Object({ orgId: Uuid, id: Uuid, editionId: Uuid }, { additionalProperties: false });
export const PublicOfferParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const OfferTitle = Type.Object(
  {
    nl: Type.String({ minLength: 1, maxLength: 200 }),
    fr: Type.Optional(Type.String({ maxLength: 200 })),
    en: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const OfferDescription = Type.Object(
  {
    nl: Type.String({ minLength: 1, maxLength: 8000 }),
    fr: Type.Optional(Type.String({ maxLength: 8000 })),
    en: Type.Optional(Type.String({ maxLength: 8000 })),
  },
  { additionalProperties: false },
);
export const Characteristics = Type.Object(
  {
    /** person-oriented (−2) ↔ labour-market-oriented (+2) */
    orientation: Type.Optional(Axis),
    /** own initiative (−2) ↔ external demand (+2) */
    initiative: Type.Optional(Axis),
    /** short (−2) ↔ long (+2) */
    length: Type.Optional(Axis),
  },
  { additionalProperties: false },
);

export const OfferCompetenceInput = Type.Object(
  {
    competenceId: Uuid,
    /** Level reached, 1–4 (the default scale's words). */
    level: Level,
    /** Defaults to true; suggestions are stored unconfirmed until the provider confirms them. */
    confirmed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const offerFields = {
  title: OfferTitle,
  description: OfferDescription,
  /** ISO 639-1 codes (nl, fr, en, …), at least one. */
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { minItems: 1, maxItems: 10 }),
  format: OfferFormat,
  /** Belgian postcode; required for classroom and blended offers. Region (province) and municipality follow from it. */
  postcode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}$' }))),
  /** Overrides the municipality derived from the postcode. */
  municipality: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  durationMinutes: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  priceCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  targetAudience: Type.Optional(Type.String({ maxLength: 2000 })),
  entryRequirements: Type.Optional(Type.String({ maxLength: 2000 })),
  level: Type.Optional(Nullable(Level)),
  characteristics: Type.Optional(Characteristics),
  /** Keys of funding instruments (GET /api/funding-instruments). */
  recognitions: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  credential: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  accessibility: Type.Optional(Type.Array(AccessibilityFlag, { maxItems: 3 })),
  /** Replaces the whole competence list. */
  competences: Type.Optional(Type.Array(OfferCompetenceInput, { maxItems: 50 })),
};

export const CreateOfferBody = Type.Object(
  { code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }), ...offerFields },
  { additionalProperties: false },
);
export type CreateOfferBody = Static<typeof CreateOfferBody>;

export const UpdateOfferBody = Type.Partial(CreateOfferBody, { additionalProperties: false, minProperties: 1 });
export type UpdateOfferBody = Static<typeof UpdateOfferBody>;

const Session = Type.Object(
  { date: IsoDate, from: Type.String({ pattern: '^[0-9]{2}:[0-9]{2}$' }), to: Type.String({ pattern: '^[0-9]{2}:[0-9]{2}$' }) },
  { additionalProperties: false },
);

export const CreateEditionBody = Type.Object(
  {
    startsOn: IsoDate,
    endsOn: IsoDate,
    capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    enrolmentDeadline: Type.Optional(Nullable(IsoDate)),
    sessions: Type.Optional(Type.Array(Session, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type CreateEditionBody = Static<typeof CreateEditionBody>;

export const UpdateEditionBody = Type.Object(
  {
    startsOn: Type.Optional(IsoDate),
    endsOn: Type.Optional(IsoDate),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    enrolmentDeadline: Type.Optional(Nullable(IsoDate)),
    sessions: Type.Optional(Type.Array(Session, { maxItems: 200 })),
    status: Type.Optional(Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEditionBody = Static<typeof UpdateEditionBody>;

export const EditionView = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  endsOn: IsoDate,
  capacity: Type.Integer(),
  enrolledCount: Type.Integer(),
  seatsLeft: Type.Integer(),
  enrolmentDeadline: Nullable(IsoDate),
  sessions: Type.Array(Session),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
});
export type EditionView = Static<typeof EditionView>;

export const OfferCompetenceView = Type.Object({
  competenceId: Uuid,
  key: Type.String(),
  frameworkKey: Type.String(),
  label: LocalizedTextView,
  level: Type.Integer(),
  confirmed: Type.Boolean(),
});

export const ProviderView = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() });

export const OfferDetail = Type.Object({
  id: Uuid,
  provider: ProviderView,
  code: Type.String(),
  title: LocalizedTextView,
  description: LocalizedTextView,
  languages: Type.Array(Type.String()),
  format: OfferFormat,
  postcode: Nullable(Type.String()),
  municipality: Nullable(Type.String()),
  region: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  durationMinutes: Type.Integer(),
  priceCents: Type.Integer(),
  targetAudience: Type.String(),
  entryRequirements: Type.String(),
  level: Nullable(Type.Integer()),
  characteristics: Characteristics,
  recognitions: Type.Array(Type.String()),
  credential: Nullable(Type.String()),
  accessibility: Type.Array(Type.String()),
  status: OfferStatus,
  publishedAt: Nullable(IsoDateTime),
  competences: Type.Array(OfferCompetenceView),
  /** Ordered by start date; the public view shows scheduled editions from today on. */
  editions: Type.Array(EditionView),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type OfferDetail = Static<typeof OfferDetail>;

export const OfferSummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: LocalizedTextView,
  format: OfferFormat,
  status: OfferStatus,
  languages: Type.Array(Type.String()),
  region: Nullable(Type.String()),
  priceCents: Type.Integer(),
  durationMinutes: Type.Integer(),
  competenceCount: Type.Integer(),
  unconfirmedCount: Type.Integer(),
  nextStartsOn: Nullable(IsoDate),
  updatedAt: IsoDateTime,
});
export type OfferSummary = Static<typeof OfferSummary>;

export const ListOffersQuery = Type.Object(
  { status: Type.Optional(OfferStatus), q: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

/* ---------------------------------------------------------------- import / export */

export const ImportCsvBody = Type.String({ maxLength: 2_000_000 });

const ExchangeOffer = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    ...offerFields,
    targetAudience: Type.Optional(Type.String({ maxLength: 2000 })),
    competences: Type.Optional(
      Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }), level: Level }, { additionalProperties: false }), {
        maxItems: 50,
      }),
    ),
    editions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            startsOn: IsoDate,
            endsOn: IsoDate,
            capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
            enrolmentDeadline: Type.Optional(Nullable(IsoDate)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    /** Export only; ignored on import. */
    status: Type.Optional(OfferStatus),
  },
  { additionalProperties: false },
);
export const OfferExchange = ExchangeOffer;
export type OfferExchange = Static<typeof ExchangeOffer>;

export const ImportJsonBody = Type.Object({ offers: Type.Array(ExchangeOffer, { maxItems: 5000 }) }, { additionalProperties: false });
export type ImportJsonBody = Static<typeof ImportJsonBody>;
export const ExportJson = Type.Object({ offers: Type.Array(ExchangeOffer) });

export const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  /** Data rows (CSV, header excluded) or array items (JSON). */
  rows: Type.Integer(),
  /** Rejected rows: the CSV line (1-based) or, for JSON, the index in `offers` + 1; nothing of a rejected row was written. */
  errors: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), message: Type.String() })),
});
export type ImportResult = Static<typeof ImportResult>;

export const SuggestionsView = Type.Object({
  /** The offer's competences after storing the suggestions (unconfirmed ones are the new suggestions). */
  competences: Type.Array(OfferCompetenceView),
  suggested: Type.Integer(),
});

/* ---------------------------------------------------------------- public search */

export const SearchSort = Type.Union([Type.Literal('relevance'), Type.Literal('start'), Type.Literal('price'), Type.Literal('duration')]);

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    region: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    language: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 20 })),
    format: Type.Optional(Type.Array(OfferFormat, { maxItems: 4 })),
    recognition: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    level: Type.Optional(Type.Array(Level, { maxItems: 4 })),
    accessibility: Type.Optional(Type.Array(AccessibilityFlag, { maxItems: 3 })),
    priceMin: Type.Optional(Type.Integer({ minimum: 0 })),
    priceMax: Type.Optional(Type.Integer({ minimum: 0 })),
    durationMax: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Offers with a scheduled edition starting in [from, to]. */
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    provider: Type.Optional(Uuid),
    sort: Type.Optional(SearchSort),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const FacetBucket = Type.Object({ value: Type.String(), count: Type.Integer() });

export const SearchHit = Type.Object({
  id: Uuid,
  provider: ProviderView,
  title: LocalizedTextView,
  /** The first 300 characters of the description per language. */
  summary: LocalizedTextView,
  languages: Type.Array(Type.String()),
  format: OfferFormat,
  municipality: Nullable(Type.String()),
  region: Nullable(Type.String()),
  durationMinutes: Type.Integer(),
  priceCents: Type.Integer(),
  level: Nullable(Type.Integer()),
  recognitions: Type.Array(Type.String()),
  accessibility: Type.Array(Type.String()),
  nextStartsOn: Nullable(IsoDate),
});

export const SearchResult = Type.Object({
  total: Type.Integer(),
  items: Type.Array(SearchHit),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Nullable(Type.String()),
  /** Counts among all offers matching the query and every filter. */
  facets: Type.Object({
    region: Type.Array(FacetBucket),
    language: Type.Array(FacetBucket),
    format: Type.Array(FacetBucket),
    recognition: Type.Array(FacetBucket),
    level: Type.Array(FacetBucket),
  }),
});
export type SearchResult = Static<typeof SearchResult>;
