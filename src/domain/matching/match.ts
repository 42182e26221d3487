/**
 * Matching needs to training offers (domain-rules §8). Deterministic: the same gaps and offers
 * always give the same ranking and the same explanation.
 *
 * coverage(o) = Σ_{c ∈ G ∩ o} w_c · min(1, level_o(c) / required_c) / Σ_{c ∈ G} w_c
 * with w_c = gap_c × importance_c (core 2, supporting or unknown 1).
 * score(o) = coverage(o) × Π soft factors, each in (0, 1]. Hard filters remove an offer outright.
 */

export interface Gap {
  competenceId: string;
  gap: number;
  required: number;
  importance: 'core' | 'supporting' | null;
}

export interface OfferEdition {
  startsOn: string;
  enrolmentDeadline: string | null;
  freeSeats: number;
}

export interface Offer {
  id: string;
  title: string;
  /** Tagged competences with the level the offer brings people to. */
  competences: Array<{ competenceId: string; level: number }>;
  /** Competences found only by full-text search over the description (untagged offers). */
  textMatches?: string[];
  languages: string[];
  format: 'classroom' | 'online' | 'blended' | 'workplace';
  hours: number | null;
  priceCents: number;
  /** Expected funding per participant (e.g. opleidingscheques), already computed by the caller. */
  fundingCents?: number;
  distanceKm: number | null;
  accessibility: string[];
  editions: OfferEdition[];
}

export interface MatchPreferences {
  today: string;
  languages: string[];
  accessibilityNeeds?: string[];
  /** Hard cap on the price after funding, per participant. */
  budgetCapCents?: number | null;
  preferredFormat?: Offer['format'] | null;
  maxHours?: number | null;
  /** Editions must start within this many days (default 365). */
  horizonDays?: number;
}

export const importanceWeight = { core: 2, supporting: 1 } as const;
/** A competence found only by text search counts for this share of a tagged one. */
export const TEXT_MATCH_SHARE = 0.5;

export type ReductionFactor = 'distance' | 'price' | 'format' | 'duration';
export type ExclusionReason = 'language' | 'no_edition' | 'accessibility' | 'budget' | 'no_coverage';

export interface Recommendation {
  offerId: string;
  score: number;
  coverage: number;
  covers: Array<{ competenceId: string; gap: number; share: number; via: 'tag' | 'text' }>;
  uncovered: string[];
  reductions: Array<{ factor: ReductionFactor; multiplier: number }>;
  nextEdition: OfferEdition;
  priceAfterFundingCents: number;
}

export interface Exclusion {
  offerId: string;
  reason: ExclusionReason;
}

/** Documented soft factors. */
export function distanceFactor(format: Offer['format'], km: number | null): number {
  if (format === 'online') return 1;
  if (km === null) return 0.8;
  return km <= 10 ? 1 : km <= 25 ? 0.9 : km <= 50 ? 0.75 : 0.5;
}

export function priceFactor(priceAfterFundingCents: number): number {
  return priceAfterFundingCents === 0 ? 1 : priceAfterFundingCents <= 10_000 ? 0.95 : priceAfterFundingCents <= 50_000 ? 0.85 : 0.7;
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function weight(g: Gap): number {
  return g.gap * (g.importance ? importanceWeight[g.importance] : 1);
}

export function scoreOffer(gaps: readonly Gap[], offer: Offer, prefs: MatchPreferences): Recommendation | Exclusion {
  if (!offer.languages.some((l) => prefs.languages.includes(l))) return { offerId: offer.id, reason: 'language' };
  const needs = prefs.accessibilityNeeds ?? [];
  if (!needs.every((n) => offer.accessibility.includes(n))) return { offerId: offer.id, reason: 'accessibility' };
  const last = addDays(prefs.today, prefs.horizonDays ?? 365);
  const open = offer.editions
    .filter(
      (e) =>
        e.freeSeats > 0 &&
        e.startsOn >= prefs.today &&
        e.startsOn <= last &&
        (e.enrolmentDeadline === null || e.enrolmentDeadline >= prefs.today),
    )
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (open.length === 0) return { offerId: offer.id, reason: 'no_edition' };
  const priceAfterFundingCents = Math.max(0, offer.priceCents - (offer.fundingCents ?? 0));
  if (prefs.budgetCapCents != null && priceAfterFundingCents > prefs.budgetCapCents) return { offerId: offer.id, reason: 'budget' };

  const relevant = gaps.filter((g) => g.gap > 0);
  const total = relevant.reduce((s, g) => s + weight(g), 0);
  const tagged = new Map(offer.competences.map((c) => [c.competenceId, c.level]));
  const text = new Set(offer.textMatches ?? []);
  const covers: Recommendation['covers'] = [];
  let covered = 0;
  for (const g of relevant) {
    const level = tagged.get(g.competenceId);
    if (level !== undefined) {
      const share = Math.min(1, level / g.required);
      if (share > 0) {
        covers.push({ competenceId: g.competenceId, gap: g.gap, share, via: 'tag' });
        covered += weight(g) * share;
      }
    } else if (text.has(g.competenceId)) {
      covers.push({ competenceId: g.competenceId, gap: g.gap, share: TEXT_MATCH_SHARE, via: 'text' });
      covered += weight(g) * TEXT_MATCH_SHARE;
    }
  }
  if (total === 0 || covers.length === 0) return { offerId: offer.id, reason: 'no_coverage' };
  const coverage = covered / total;

  const reductions: Recommendation['reductions'] = [];
  const apply = (factor: ReductionFactor, multiplier: number) => {
    if (multiplier < 1) reductions.push({ factor, multiplier });
    return multiplier;
  };
  let score = coverage;
  score *= apply('distance', distanceFactor(offer.format, offer.distanceKm));
  score *= apply('price', priceFactor(priceAfterFundingCents));
  if (prefs.preferredFormat) score *= apply('format', offer.format === prefs.preferredFormat ? 1 : 0.85);
  if (prefs.maxHours != null && offer.hours !== null) score *= apply('duration', offer.hours <= prefs.maxHours ? 1 : 0.8);

  return {
    offerId: offer.id,
    score: Math.round(score * 10_000) / 10_000,
    coverage: Math.round(coverage * 10_000) / 10_000,
    covers,
    uncovered: relevant.filter((g) => !covers.some((c) => c.competenceId === g.competenceId)).map((g) => g.competenceId),
    reductions,
    nextEdition: open[0],
    priceAfterFundingCents,
  };
}

export function isRecommendation(r: Recommendation | Exclusion): r is Recommendation {
  return 'score' in r;
}

/** Ranks offers: score, then earliest edition, then lower price, then id — a total, stable order. */
export function rankOffers(
  gaps: readonly Gap[],
  offers: readonly Offer[],
  prefs: MatchPreferences,
  limit = 20,
): { recommendations: Recommendation[]; excluded: Exclusion[] } {
  const recommendations: Recommendation[] = [];
  const excluded: Exclusion[] = [];
  for (const offer of offers) {
    const r = scoreOffer(gaps, offer, prefs);
    if (isRecommendation(r)) recommendations.push(r);
    else excluded.push(r);
  }
  recommendations.sort(
    (a, b) =>
      b.score - a.score ||
      a.nextEdition.startsOn.localeCompare(b.nextEdition.startsOn) ||
      a.priceAfterFundingCents - b.priceAfterFundingCents ||
      a.offerId.localeCompare(b.offerId),
  );
  return { recommendations: recommendations.slice(0, limit), excluded };
}
