import type { Db, Executor } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import { rankOffers, type Gap, type MatchPreferences, type Offer, type OfferEdition } from '../../domain/matching/match.js';
import { fundingHint, type FundingConditions } from '../../domain/plan/funding.js';
import { AppError, notFound } from '../../server/errors.js';
import { isHr, loadSupervision } from '../../server/supervision.js';
import { requireActor, requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { usableInstruments, type InstrumentRow } from '../training-plans/queries.js';
import * as q from './queries.js';
import type { GapView, RecommendationView, RecommendationsQuery, RecommendationsResult, RegisterRecommendations } from './schemas.js';

export interface MatchingDeps {
  db: Db;
  now?: () => Date;
}

const DEFAULT_LIMIT = 10;
/** Required level assumed for a need whose competence is in no profile of the organisation (middle of the 0–4 scale). */
const DEFAULT_REQUIRED = 2;

interface GapSet {
  gaps: Gap[];
  views: GapView[];
}

/** Great-circle distance in km, rounded to whole km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

/**
 * Gaps of one or more people folded per competence: the gap is the sum of the people's gaps (so a
 * competence many people lack weighs more), the required level the highest, core when core for
 * anyone.
 */
export function foldGaps(rows: readonly q.PersonGapRow[], labels: Map<string, LocalizedText>): GapSet {
  const byCompetence = new Map<string, { gap: number; required: number; core: boolean; people: Set<string> }>();
  for (const r of rows) {
    const entry = byCompetence.get(r.competenceId) ?? { gap: 0, required: 0, core: false, people: new Set<string>() };
    entry.gap += r.required - r.current;
    entry.required = Math.max(entry.required, r.required);
    entry.core ||= r.importance === 'core';
    entry.people.add(r.personId);
    byCompetence.set(r.competenceId, entry);
  }
  const gaps: Gap[] = [];
  const views: GapView[] = [];
  for (const [competenceId, e] of byCompetence) {
    const importance = e.core ? 'core' : 'supporting';
    gaps.push({ competenceId, gap: e.gap, required: e.required, importance });
    views.push({
      competenceId,
      label: labels.get(competenceId) ?? {},
      required: e.required,
      gap: e.gap,
      importance,
      people: e.people.size,
    });
  }
  views.sort(
    (a, b) =>
      b.gap - a.gap ||
      (a.importance === 'core' ? -1 : 1) - (b.importance === 'core' ? -1 : 1) ||
      a.competenceId.localeCompare(b.competenceId),
  );
  return { gaps, views };
}

interface Context {
  organisationId: string | null;
  employerKind: string;
  employeesAtLeast: number;
  targetGroups: string[];
  location: { lat: number; lon: number } | null;
  instruments: InstrumentRow[];
}

interface Candidates {
  offers: Offer[];
  byId: Map<string, Offer>;
  rows: Map<string, q.OfferRow>;
  editionIds: Map<OfferEdition, string>;
  funding: Map<string, RecommendationView['explanation']['funding']>;
}

export function createMatchingService({ db, now = () => new Date() }: MatchingDeps) {
  const today = () => todayInBrussels(now());

  async function context(tx: Executor, organisationId: string | null, targetGroups: string[]): Promise<Context> {
    const org = organisationId ? await q.organisation(tx, organisationId) : null;
    const day = today();
    const instruments = organisationId
      ? (await usableInstruments(tx, organisationId)).filter(
          (i) => (!i.validFrom || i.validFrom <= day) && (!i.validUntil || i.validUntil >= day),
        )
      : [];
    return {
      organisationId,
      employerKind: org?.kind ?? 'employer',
      employeesAtLeast: org?.people ?? 0,
      targetGroups,
      location: await q.postcodeLocation(tx, org?.postcode ?? null),
      instruments,
    };
  }

  /**
   * The best funding one participant may expect: among the instruments whose recognition the offer
   * carries (by the instrument's condition or its own key), the highest estimate that is not "no".
   */
  function bestFunding(ctx: Context, offer: q.OfferRow): RecommendationView['explanation']['funding'] {
    let best: RecommendationView['explanation']['funding'] = null;
    for (const instrument of ctx.instruments) {
      const conditions = instrument.conditions as FundingConditions;
      const recognised =
        offer.recognitions.includes(instrument.key) ||
        (conditions.recognition !== undefined && offer.recognitions.includes(conditions.recognition));
      if (!recognised) continue;
      const hint = fundingHint(
        {
          key: instrument.key,
          name: instrument.name as Record<string, string>,
          conditions,
          coverageShare: instrument.coverageBasisPoints / 10_000,
          amountPerHourCents: instrument.amountPerHourCents,
          capPerParticipantCents: instrument.capPerParticipantCents,
          capPerActionCents: instrument.capPerActionCents,
        },
        {
          actionKind: 'external_offer',
          // Recognised by the instrument's key counts as carrying its recognition.
          recognitions: [...offer.recognitions, instrument.key, ...(conditions.recognition ? [conditions.recognition] : [])],
          employerKind: ctx.employerKind,
          employees: null,
          employeesAtLeast: ctx.employeesAtLeast,
          participantTargetGroups: ctx.targetGroups,
          hours: offer.durationMinutes / 60,
          participants: 1,
          costCents: offer.priceCents,
        },
      );
      const cents = Math.min(hint.estimatedCents, offer.priceCents);
      if (hint.verdict !== 'no' && cents > 0 && (!best || cents > best.cents)) {
        best = { instrument: instrument.key, name: instrument.name as Record<string, string>, cents, verdict: hint.verdict };
      }
    }
    return best;
  }

  /** Candidate offers for the competences, loaded once (a whole register shares them). */
  async function candidates(tx: Executor, ctx: Context, competenceIds: string[], labels: Map<string, LocalizedText>): Promise<Candidates> {
    const day = today();
    const tagged = await q.taggedCandidates(tx, competenceIds, day);
    const text = await q.textCandidates(
      tx,
      competenceIds.map((id) => ({ competenceId: id, label: labels.get(id)?.nl ?? '' })),
      day,
    );
    const ids = [...new Set([...tagged, ...text.keys()])];
    const details = await q.offerDetails(tx, ids, day);
    const editionsByOffer = new Map<string, q.EditionRow[]>();
    for (const e of details.editions) editionsByOffer.set(e.offerId, [...(editionsByOffer.get(e.offerId) ?? []), e]);
    const competencesByOffer = new Map<string, Array<{ competenceId: string; level: number }>>();
    for (const c of details.competences)
      competencesByOffer.set(c.offerId, [...(competencesByOffer.get(c.offerId) ?? []), { competenceId: c.competenceId, level: c.level }]);
    const editionIds = new Map<OfferEdition, string>();
    const funding = new Map<string, RecommendationView['explanation']['funding']>();
    const rows = new Map<string, q.OfferRow>();
    const offers: Offer[] = details.offers.map((o) => {
      rows.set(o.id, o);
      const best = bestFunding(ctx, o);
      funding.set(o.id, best);
      const editions = (editionsByOffer.get(o.id) ?? []).map((e) => {
        const edition: OfferEdition = { startsOn: e.startsOn, enrolmentDeadline: e.enrolmentDeadline, freeSeats: e.freeSeats };
        editionIds.set(edition, e.id);
        return edition;
      });
      const located = o.latitude !== null && o.longitude !== null && ctx.location;
      return {
        id: o.id,
        title: o.title.nl ?? '',
        competences: competencesByOffer.get(o.id) ?? [],
        textMatches: text.get(o.id),
        languages: o.languages,
        format: o.format,
        hours: o.durationMinutes / 60,
        priceCents: o.priceCents,
        fundingCents: best?.cents ?? 0,
        distanceKm: located ? distanceKm(ctx.location!, { lat: o.latitude!, lon: o.longitude! }) : null,
        accessibility: o.accessibility,
        editions,
      };
    });
    return { offers, byId: new Map(offers.map((o) => [o.id, o])), rows, editionIds, funding };
  }

  function rank(gapSet: GapSet, pool: Candidates, prefs: MatchPreferences, limit: number) {
    const { recommendations, excluded } = rankOffers(gapSet.gaps, pool.offers, prefs, limit);
    const labels = new Map(gapSet.views.map((g) => [g.competenceId, g.label]));
    const counts: Record<string, number> = {};
    for (const e of excluded) counts[e.reason] = (counts[e.reason] ?? 0) + 1;
    const views: RecommendationView[] = recommendations.map((r) => {
      const row = pool.rows.get(r.offerId)!;
      const offer = pool.byId.get(r.offerId)!;
      return {
        offerId: r.offerId,
        title: row.title,
        providerName: row.providerName,
        format: row.format,
        languages: row.languages,
        municipality: row.municipality,
        durationMinutes: row.durationMinutes,
        priceCents: row.priceCents,
        priceAfterFundingCents: r.priceAfterFundingCents,
        score: r.score,
        coverage: r.coverage,
        nextEdition: {
          id: pool.editionIds.get(r.nextEdition)!,
          startsOn: r.nextEdition.startsOn,
          enrolmentDeadline: r.nextEdition.enrolmentDeadline,
          freeSeats: r.nextEdition.freeSeats,
        },
        explanation: {
          covers: r.covers.map((c) => ({
            competenceId: c.competenceId,
            label: labels.get(c.competenceId) ?? {},
            share: Math.round(c.share * 100) / 100,
            via: c.via,
          })),
          gapCount: gapSet.gaps.filter((g) => g.gap > 0).length,
          uncovered: r.uncovered.map((id) => ({ competenceId: id, label: labels.get(id) ?? {} })),
          language: row.languages.find((l) => prefs.languages.includes(l)) ?? row.languages[0],
          distanceKm: row.format === 'online' ? null : offer.distanceKm,
          online: row.format === 'online',
          free: r.priceAfterFundingCents === 0,
          funding: pool.funding.get(r.offerId) ?? null,
          reductions: r.reductions.map((x) => ({ factor: x.factor, multiplier: x.multiplier })),
          textMatch: r.covers.some((c) => c.via === 'text'),
        },
      };
    });
    return { recommendations: views, excluded: counts };
  }

  function preferences(query: RecommendationsQuery, defaultLanguages: string[]): MatchPreferences {
    return {
      today: today(),
      languages: query.languages ? query.languages.split(',') : defaultLanguages,
      preferredFormat: query.preferredFormat ?? null,
      budgetCapCents: query.budgetCapCents ?? null,
      maxHours: query.maxHours ?? null,
    };
  }

  async function forPeople(
    organisationId: string,
    who: { personIds?: string[]; teamId?: string },
    subject: RecommendationsResult['subject'],
    query: RecommendationsQuery,
    defaultLanguages: string[],
    targetGroups: string[],
  ): Promise<RecommendationsResult> {
    const rows = await q.personGaps(db, organisationId, who);
    const labels = await q.competenceLabels(db, [...new Set(rows.map((r) => r.competenceId))]);
    const gapSet = foldGaps(rows, labels);
    const ctx = await context(db, organisationId, targetGroups);
    const pool = await candidates(
      db,
      ctx,
      gapSet.gaps.map((g) => g.competenceId),
      labels,
    );
    const ranked = rank(gapSet, pool, preferences(query, defaultLanguages), query.limit ?? DEFAULT_LIMIT);
    return { subject, gaps: gapSet.views, ...ranked };
  }

  /** A need's gap: its competence, from its named people's gaps when known, else one level below the profiles' requirement. */
  async function needGaps(tx: Executor, organisationId: string, needs: q.NeedRow[]): Promise<Map<string, GapSet>> {
    const withCompetence = needs.filter((n) => n.competenceId);
    const people = [...new Set(withCompetence.flatMap((n) => n.personIds))];
    const rows = people.length ? await q.personGaps(tx, organisationId, { personIds: people }) : [];
    const competenceIds = [...new Set(withCompetence.map((n) => n.competenceId!))];
    const labels = await q.competenceLabels(tx, competenceIds);
    const required = await q.requiredLevels(tx, organisationId, competenceIds);
    const result = new Map<string, GapSet>();
    for (const need of needs) {
      if (!need.competenceId) {
        result.set(need.id, { gaps: [], views: [] });
        continue;
      }
      const members = new Set(need.personIds);
      const own = rows.filter((r) => r.competenceId === need.competenceId && members.has(r.personId));
      if (own.length) {
        result.set(need.id, foldGaps(own, labels));
      } else {
        const req = required.get(need.competenceId);
        const level = req?.required ?? DEFAULT_REQUIRED;
        const importance = req?.importance ?? null;
        result.set(need.id, {
          gaps: [{ competenceId: need.competenceId, gap: 1, required: level, importance }],
          views: [
            {
              competenceId: need.competenceId,
              label: labels.get(need.competenceId) ?? {},
              required: level,
              gap: 1,
              importance,
              people: need.personIds.length,
            },
          ],
        });
      }
    }
    return result;
  }

  async function registerBatch(organisationId: string, query: RecommendationsQuery): Promise<RegisterRecommendations> {
    const needs = await q.needs(db, organisationId);
    const gapSets = await needGaps(db, organisationId, needs);
    const labels = new Map([...gapSets.values()].flatMap((g) => g.views.map((v) => [v.competenceId, v.label] as const)));
    const ctx = await context(db, organisationId, []);
    const pool = await candidates(db, ctx, [...labels.keys()], labels);
    const prefs = preferences(query, ['nl']);
    // Only offers touching one of a need's competences can cover it: index them once.
    const byCompetence = new Map<string, Offer[]>();
    for (const offer of pool.offers) {
      for (const id of new Set([...offer.competences.map((c) => c.competenceId), ...(offer.textMatches ?? [])])) {
        const list = byCompetence.get(id);
        if (list) list.push(offer);
        else byCompetence.set(id, [offer]);
      }
    }
    return {
      needs: needs.map((need) => {
        const gapSet = gapSets.get(need.id)!;
        return {
          needId: need.id,
          title: need.title,
          gaps: gapSet.views,
          recommendations: rank(
            gapSet,
            { ...pool, offers: [...new Set(gapSet.gaps.flatMap((g) => byCompetence.get(g.competenceId) ?? []))] },
            prefs,
            query.limit ?? 3,
          ).recommendations,
        };
      }),
      offersConsidered: pool.offers.length,
    };
  }

  function requireHr(actor: Actor, organisationId: string) {
    if (!isHr(actor, organisationId))
      throw new AppError('tenancy.forbidden', { status: 403, detail: 'Only HR matches needs of the whole organisation.' });
  }

  return {
    async forPerson(
      actor: Actor | null,
      organisationId: string,
      personId: string,
      query: RecommendationsQuery,
    ): Promise<RecommendationsResult> {
      const who = requireOrgPermission(actor, 'matching:read', organisationId);
      const person = await q.findPerson(db, organisationId, personId);
      if (!person) throw notFound('person');
      if (!isHr(who, organisationId) && person.userId !== who.userId) {
        const supervision = await loadSupervision(db, organisationId, who.userId);
        if (!supervision.personIds.has(person.id)) throw notFound('person');
      }
      return forPeople(
        organisationId,
        { personIds: [person.id] },
        { kind: 'person', id: person.id, name: person.displayName },
        query,
        [person.preferredLocale],
        [person.targetGroup],
      );
    },

    async forTeam(
      actor: Actor | null,
      organisationId: string,
      teamId: string,
      query: RecommendationsQuery,
    ): Promise<RecommendationsResult> {
      const who = requireOrgPermission(actor, 'matching:read', organisationId);
      if (!(await q.teamExists(db, organisationId, teamId))) throw notFound('team');
      if (!isHr(who, organisationId)) {
        const supervision = await loadSupervision(db, organisationId, who.userId);
        if (!supervision.teamIds.has(teamId)) throw notFound('team');
      }
      return forPeople(organisationId, { teamId }, { kind: 'team', id: teamId, name: '' }, query, ['nl'], []);
    },

    async forNeed(
      actor: Actor | null,
      organisationId: string,
      needId: string,
      query: RecommendationsQuery,
    ): Promise<RecommendationsResult> {
      const who = requireOrgPermission(actor, 'matching:read', organisationId);
      requireHr(who, organisationId);
      const [need] = await q.needs(db, organisationId, needId);
      if (!need) throw notFound('need');
      const gapSet = (await needGaps(db, organisationId, [need])).get(need.id)!;
      const labels = new Map(gapSet.views.map((g) => [g.competenceId, g.label]));
      const ctx = await context(db, organisationId, []);
      const pool = await candidates(
        db,
        ctx,
        gapSet.gaps.map((g) => g.competenceId),
        labels,
      );
      return {
        subject: { kind: 'need', id: need.id, name: need.title },
        gaps: gapSet.views,
        ...rank(gapSet, pool, preferences(query, ['nl']), query.limit ?? DEFAULT_LIMIT),
      };
    },

    /** The whole needs register in one go: candidates loaded once, each need ranked in memory. */
    async forRegister(actor: Actor | null, organisationId: string, query: RecommendationsQuery): Promise<RegisterRecommendations> {
      const who = requireOrgPermission(actor, 'matching:read', organisationId);
      requireHr(who, organisationId);
      return registerBatch(organisationId, query);
    },

    /** The batch without the access check (the benchmark calls it directly). */
    registerBatch: (organisationId: string, query: RecommendationsQuery) => registerBatch(organisationId, query),

    /** The signed-in learner's own recommendations (their person's gaps). */
    async forMe(actor: Actor | null, query: RecommendationsQuery): Promise<RecommendationsResult> {
      const who = requireActor(actor);
      const person = await q.personOfUser(db, who.userId);
      if (!person) return { subject: { kind: 'learner', id: null, name: who.displayName }, gaps: [], recommendations: [], excluded: {} };
      return forPeople(
        person.organisationId,
        { personIds: [person.id] },
        { kind: 'learner', id: person.id, name: person.displayName },
        query,
        [person.preferredLocale],
        [person.targetGroup],
      );
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
