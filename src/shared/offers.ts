/**
 * The columns of the offers exchange CSV, in their order (docs/api.md, "Offers: import and
 * export"): what the import reads and the export writes, and what the import screen lists.
 */
export const OFFER_CSV_COLUMNS = [
  'code',
  'title_nl',
  'title_fr',
  'title_en',
  'description_nl',
  'description_fr',
  'description_en',
  'languages',
  'format',
  'postcode',
  'municipality',
  'duration_minutes',
  'price_eur',
  'target_audience',
  'entry_requirements',
  'level',
  'orientation',
  'initiative',
  'length',
  'recognitions',
  'credential',
  'accessibility',
  'competences',
  'editions',
  'status',
] as const;
export type OfferCsvColumn = (typeof OFFER_CSV_COLUMNS)[number];
