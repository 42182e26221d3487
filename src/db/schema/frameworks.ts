import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps, type LocalizedList, type LocalizedText } from './columns.js';
import { organisations } from './accounts.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const competenceKind = pgEnum('competence_kind', ['skill', 'knowledge', 'attitude', 'transversal', 'group']);
export const frameworkSource = pgEnum('framework_source', ['esco', 'own', 'moodle', 'case', 'custom']);
export const importance = pgEnum('importance', ['core', 'supporting']);
export const relationKind = pgEnum('relation_kind', ['essential', 'optional']);

/** Ordered proficiency levels 0..n; level 0 means "not yet". */
export const proficiencyScales = pgTable(
  'proficiency_scales',
  {
    id: id(),
    key: text('key').notNull(),
    /** null = available to everyone (the default scale). */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** First level that counts as "proficient". */
    proficientFrom: smallint('proficient_from').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('proficiency_scales_key_uq').on(t.key)],
);

export const scaleLevels = pgTable(
  'scale_levels',
  {
    scaleId: uuid('scale_id')
      .notNull()
      .references(() => proficiencyScales.id, { onDelete: 'cascade' }),
    level: smallint('level').notNull(),
    /** Short name per language, e.g. { nl: "met hulp" }. */
    label: jsonb('label').$type<LocalizedText>().notNull(),
    /** One plain-language sentence per language (including "nl-easy"). */
    descriptor: jsonb('descriptor').$type<LocalizedText>().notNull(),
    /** Name of a built-in pictogram (see web/src/components/Pictogram). */
    pictogram: text('pictogram'),
  },
  (t) => [primaryKey({ columns: [t.scaleId, t.level] })],
);

export const frameworks = pgTable(
  'frameworks',
  {
    id: id(),
    /** Stable key, e.g. "esco-skills", "lk-21st-century". */
    key: text('key').notNull(),
    /** null = public framework (ESCO, ours); otherwise private to that organisation. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    source: frameworkSource('source').notNull(),
    version: text('version'),
    /** Shown wherever content of this framework appears (ESCO requires it). */
    attribution: text('attribution'),
    scaleId: uuid('scale_id').references(() => proficiencyScales.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('frameworks_key_uq').on(t.key),
    index('frameworks_org_idx')
      .on(t.organisationId)
      .where(sql`${t.organisationId} is not null`),
    index('frameworks_scale_idx').on(t.scaleId),
  ],
);

/**
 * A node of a framework tree. ESCO skill groups are competences of kind "group"; ESCO skills keep
 * their concept URI as key. Labels live in JSONB per language; a generated tsvector per language
 * serves full-text search (label weight A, alternative labels B, description C).
 */
export const competences = pgTable(
  'competences',
  {
    id: id(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    parentId: uuid('parent_id'),
    kind: competenceKind('kind').notNull(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    altLabels: jsonb('alt_labels').$type<LocalizedList>().notNull().default({}),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    position: integer('position').notNull().default(0),
    /** Code within the source, e.g. ESCO skill-group code "S1.2" or a Moodle idnumber. */
    code: text('code'),
    /** Collections the competence belongs to, e.g. ESCO "digital", "green", "transversal". */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Source modification date (ESCO modifiedDate), to update only when newer. */
    sourceModifiedAt: timestamp('source_modified_at', { withTimezone: true }),
    searchNl: tsvector('search_nl').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('dutch', coalesce(label->>'nl', '')), 'A') || setweight(to_tsvector('dutch', coalesce(alt_labels->>'nl', '')), 'B') || setweight(to_tsvector('dutch', coalesce(description->>'nl', '')), 'C')`,
    ),
    searchFr: tsvector('search_fr').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('french', coalesce(label->>'fr', '')), 'A') || setweight(to_tsvector('french', coalesce(alt_labels->>'fr', '')), 'B') || setweight(to_tsvector('french', coalesce(description->>'fr', '')), 'C')`,
    ),
    searchEn: tsvector('search_en').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(label->>'en', '')), 'A') || setweight(to_tsvector('english', coalesce(alt_labels->>'en', '')), 'B') || setweight(to_tsvector('english', coalesce(description->>'en', '')), 'C')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('competences_framework_key_uq').on(t.frameworkId, t.key),
    index('competences_parent_idx')
      .on(t.parentId)
      .where(sql`${t.parentId} is not null`),
    index('competences_key_idx').on(t.key),
    index('competences_tags_idx').using('gin', t.tags),
    index('competences_search_nl_idx').using('gin', t.searchNl),
    index('competences_search_fr_idx').using('gin', t.searchFr),
    index('competences_search_en_idx').using('gin', t.searchEn),
    index('competences_label_nl_trgm_idx').using('gin', sql`lower(${t.label}->>'nl') gin_trgm_ops`),
  ],
);

/** Extra tree edges beyond parent_id (ESCO allows several broader concepts). */
export const competenceRelations = pgTable(
  'competence_relations',
  {
    fromId: uuid('from_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    /** broader | essential | optional (ESCO skillSkillRelations) */
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), index('competence_relations_to_idx').on(t.toId)],
);

export const occupations = pgTable(
  'occupations',
  {
    id: id(),
    /** ESCO concept URI, or own key. */
    key: text('key').notNull(),
    /** ISCO-08 code of the group (ESCO iscoGroup). */
    iscoCode: text('isco_code'),
    /** For ESCO occupations: the ESCO code (e.g. 2654.1.7); for ISCO groups the ISCO code. */
    code: text('code'),
    isGroup: boolean('is_group').notNull().default(false),
    parentId: uuid('parent_id'),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    altLabels: jsonb('alt_labels').$type<LocalizedList>().notNull().default({}),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    sourceModifiedAt: timestamp('source_modified_at', { withTimezone: true }),
    searchNl: tsvector('search_nl').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('dutch', coalesce(label->>'nl', '')), 'A') || setweight(to_tsvector('dutch', coalesce(alt_labels->>'nl', '')), 'B')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('occupations_key_uq').on(t.key),
    index('occupations_parent_idx')
      .on(t.parentId)
      .where(sql`${t.parentId} is not null`),
    index('occupations_search_nl_idx').using('gin', t.searchNl),
  ],
);

export const occupationCompetences = pgTable(
  'occupation_competences',
  {
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupations.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    relation: relationKind('relation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.occupationId, t.competenceId] }), index('occupation_competences_competence_idx').on(t.competenceId)],
);

/** An organisation's job description: required competences and levels. */
export const functionProfiles = pgTable(
  'function_profiles',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    occupationId: uuid('occupation_id').references(() => occupations.id, { onDelete: 'set null' }),
    scaleId: uuid('scale_id')
      .notNull()
      .references(() => proficiencyScales.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('function_profiles_org_name_uq').on(t.organisationId, t.name),
    index('function_profiles_occupation_idx')
      .on(t.occupationId)
      .where(sql`${t.occupationId} is not null`),
    index('function_profiles_scale_idx').on(t.scaleId),
  ],
);

export const functionProfileCompetences = pgTable(
  'function_profile_competences',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => functionProfiles.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    requiredLevel: smallint('required_level').notNull(),
    importance: importance('importance').notNull(),
    futureLevel: smallint('future_level'),
    horizonYear: smallint('horizon_year'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.competenceId] }), index('function_profile_competences_competence_idx').on(t.competenceId)],
);
