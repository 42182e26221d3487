import { eq } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Db } from '../client.js';
import { fundingInstruments } from '../schema/index.js';
import { actionKinds } from '../../domain/plan/plan.js';
import { sameJson } from '../../domain/competences/framework-sync.js';
import shipped from './funding-instruments.json' with { type: 'json' };

/*
 * The funding instruments shipped with every installation (funding-instruments.json beside this
 * file), loaded as public instruments (organisation_id null) on every start. The file is the
 * source: an edited record is written again, a record left out of the file is kept (plans may
 * point to it). Amounts are indicative and the screens say so: a hint, never legal advice.
 */

const Text = Type.Object(
  { nl: Type.String({ minLength: 1 }), fr: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
const Cents = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const FundingInstrumentRecord = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9-]+$' }),
    name: Text,
    description: Text,
    conditionsText: Text,
    conditions: Type.Object(
      {
        actionKinds: Type.Optional(Type.Array(Type.Union(actionKinds.map((k) => Type.Literal(k))))),
        recognition: Type.Optional(Type.String()),
        employerKinds: Type.Optional(Type.Array(Type.String())),
        targetGroups: Type.Optional(Type.Array(Type.String())),
        minHours: Type.Optional(Type.Number({ minimum: 0 })),
        maxEmployees: Type.Optional(Type.Integer({ minimum: 0 })),
        coverageByEmployees: Type.Optional(
          Type.Array(
            Type.Object(
              { maxEmployees: Type.Integer({ minimum: 0 }), coverageBasisPoints: Type.Integer({ minimum: 0, maximum: 10_000 }) },
              { additionalProperties: false },
            ),
          ),
        ),
        maxHoursPerParticipant: Type.Optional(Type.Number({ minimum: 0 })),
        manualChecks: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]+$' }))),
      },
      { additionalProperties: false },
    ),
    coverageBasisPoints: Type.Integer({ minimum: 0, maximum: 10_000 }),
    amountPerHourCents: Cents,
    capPerParticipantCents: Cents,
    capPerActionCents: Cents,
    sourceUrl: Type.Union([Type.String({ pattern: '^https://' }), Type.Null()]),
    validFrom: Type.Union([Day, Type.Null()]),
    validUntil: Type.Union([Day, Type.Null()]),
    /** When the amounts were last compared with the official page. */
    checkedOn: Day,
    /** Made-up values that only show how an instrument works. */
    example: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type FundingInstrumentRecord = Static<typeof FundingInstrumentRecord>;

export function shippedFundingInstruments(data: unknown = shipped): FundingInstrumentRecord[] {
  const list = (data as { instruments?: unknown }).instruments;
  if (!Array.isArray(list)) throw new Error('funding-instruments.json: "instruments" must be a list.');
  const problems: string[] = [];
  list.forEach((record, index) => {
    for (const error of Value.Errors(FundingInstrumentRecord, record))
      problems.push(`  instruments/${index}${error.instancePath}: ${error.message}`);
  });
  const keys = list.map((r) => (r as { key?: string }).key);
  if (new Set(keys).size !== keys.length) problems.push('  keys are not unique');
  if (problems.length) throw new Error(`funding-instruments.json is invalid:\n${problems.join('\n')}`);
  return list as FundingInstrumentRecord[];
}

export interface FundingLoadResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts the shipped instruments by key in one transaction; rows equal to the file are left
 * alone (updated_at does not move), so running it on every start is cheap and idempotent.
 */
export async function loadFundingInstruments(db: Db, records = shippedFundingInstruments()): Promise<FundingLoadResult> {
  return db.transaction(async (tx) => {
    const result: FundingLoadResult = { created: 0, updated: 0, unchanged: 0 };
    for (const record of records) {
      const wanted = {
        name: record.name,
        description: record.description,
        conditionsText: record.conditionsText,
        conditions: record.conditions,
        coverageBasisPoints: record.coverageBasisPoints,
        amountPerHourCents: record.amountPerHourCents,
        capPerParticipantCents: record.capPerParticipantCents,
        capPerActionCents: record.capPerActionCents,
        sourceUrl: record.sourceUrl,
        validFrom: record.validFrom,
        validUntil: record.validUntil,
      };
      const [existing] = await tx.select().from(fundingInstruments).where(eq(fundingInstruments.key, record.key));
      if (!existing) {
        await tx.insert(fundingInstruments).values({ key: record.key, organisationId: null, ...wanted });
        result.created++;
        continue;
      }
      if (existing.organisationId !== null) {
        throw new Error(
          `The funding instrument key "${record.key}" is taken by an organisation's own instrument (${existing.id}); rename that key so the shipped one can load.`,
        );
      }
      const same = (Object.keys(wanted) as Array<keyof typeof wanted>).every((field) => sameJson(existing[field], wanted[field]));
      if (same) {
        result.unchanged++;
        continue;
      }
      await tx.update(fundingInstruments).set(wanted).where(eq(fundingInstruments.id, existing.id));
      result.updated++;
    }
    return result;
  });
}
