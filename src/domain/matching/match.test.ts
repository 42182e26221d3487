import { describe, expect, it } from 'vitest';
import { rankOffers, scoreOffer, type Gap, type Offer } from './match.js';

const today = '2026-11-23';
const gaps: Gap[] = [
  { competenceId: 'digital', gap: 2, required: 3, importance: 'core' }, // weight 4
  { competenceId: 'safety', gap: 1, required: 2, importance: 'supporting' }, // weight 1
  { competenceId: 'dutch', gap: 1, required: 2, importance: 'core' }, // weight 2
  { competenceId: 'numeracy', gap: 0, required: 2, importance: 'core' }, // no gap: ignored
];
const edition = { startsOn: '2027-01-12', enrolmentDeadline: '2027-01-05', freeSeats: 4 };
const offer = (overrides: Partial<Offer>): Offer => ({
  id: 'o1',
  title: 'Digitaal starten',
  competences: [],
  languages: ['nl'],
  format: 'classroom',
  hours: 12,
  priceCents: 0,
  distanceKm: 8,
  accessibility: [],
  editions: [edition],
  ...overrides,
});
const prefs = { today, languages: ['nl'] };

describe('scoreOffer (domain-rules §8)', () => {
  it('worked example: coverage = Σ weight · min(1, level/required) / Σ weight', () => {
    // digital to level 2 of 3 → 4 · 2/3; dutch to level 3 of 2 → 2 · 1; safety uncovered.
    const r = scoreOffer(
      gaps,
      offer({
        competences: [
          { competenceId: 'digital', level: 2 },
          { competenceId: 'dutch', level: 3 },
        ],
      }),
      prefs,
    );
    if (!('score' in r)) throw new Error(`excluded: ${r.reason}`);
    expect(r.coverage).toBeCloseTo((4 * (2 / 3) + 2) / 7, 4);
    expect(r.score).toBe(r.coverage); // free, 8 km, classroom: nothing reduces it
    expect(r.covers.map((c) => c.competenceId)).toEqual(['digital', 'dutch']);
    expect(r.uncovered).toEqual(['safety']);
    expect(r.reductions).toEqual([]);
  });

  it('soft factors multiply the score and are named in the explanation', () => {
    const r = scoreOffer(
      gaps,
      offer({ competences: [{ competenceId: 'digital', level: 3 }], distanceKm: 30, priceCents: 45_000, fundingCents: 20_000 }),
      { ...prefs, preferredFormat: 'online' },
    );
    if (!('score' in r)) throw new Error('excluded');
    expect(r.coverage).toBeCloseTo(4 / 7, 4);
    expect(r.reductions).toEqual([
      { factor: 'distance', multiplier: 0.75 },
      { factor: 'price', multiplier: 0.85 },
      { factor: 'format', multiplier: 0.85 },
    ]);
    expect(r.score).toBeCloseTo((4 / 7) * 0.75 * 0.85 * 0.85, 4);
    expect(r.priceAfterFundingCents).toBe(25_000);
  });

  it('online offers are not reduced for distance', () => {
    const r = scoreOffer(gaps, offer({ competences: [{ competenceId: 'safety', level: 2 }], format: 'online', distanceKm: null }), prefs);
    expect('score' in r && r.reductions).toEqual([]);
  });

  it('hard filters exclude: language, accessibility, no open edition, budget, nothing covered', () => {
    const tagged = { competences: [{ competenceId: 'digital', level: 3 }] };
    expect(scoreOffer(gaps, offer({ ...tagged, languages: ['fr'] }), prefs)).toEqual({ offerId: 'o1', reason: 'language' });
    expect(scoreOffer(gaps, offer(tagged), { ...prefs, accessibilityNeeds: ['wheelchair'] })).toEqual({
      offerId: 'o1',
      reason: 'accessibility',
    });
    expect(scoreOffer(gaps, offer({ ...tagged, editions: [{ ...edition, freeSeats: 0 }] }), prefs)).toEqual({
      offerId: 'o1',
      reason: 'no_edition',
    });
    expect(scoreOffer(gaps, offer({ ...tagged, editions: [{ ...edition, enrolmentDeadline: '2026-11-01' }] }), prefs)).toEqual({
      offerId: 'o1',
      reason: 'no_edition',
    });
    expect(scoreOffer(gaps, offer({ ...tagged, editions: [{ ...edition, startsOn: '2026-10-01' }] }), prefs)).toEqual({
      offerId: 'o1',
      reason: 'no_edition',
    });
    expect(scoreOffer(gaps, offer({ ...tagged, priceCents: 80_000 }), { ...prefs, budgetCapCents: 50_000 })).toEqual({
      offerId: 'o1',
      reason: 'budget',
    });
    expect(scoreOffer(gaps, offer({ competences: [{ competenceId: 'numeracy', level: 3 }] }), prefs)).toEqual({
      offerId: 'o1',
      reason: 'no_coverage',
    });
  });

  it('untagged offers match through text search, at half weight and marked as text match', () => {
    const r = scoreOffer(gaps, offer({ textMatches: ['digital'] }), prefs);
    if (!('score' in r)) throw new Error('excluded');
    expect(r.covers).toEqual([{ competenceId: 'digital', gap: 2, share: 0.5, via: 'text' }]);
    expect(r.coverage).toBeCloseTo((4 * 0.5) / 7, 4);
  });
});

describe('rankOffers', () => {
  it('ranks by score, then earliest edition, then price, then id', () => {
    const offers = [
      offer({ id: 'late', competences: [{ competenceId: 'digital', level: 3 }], editions: [{ ...edition, startsOn: '2027-03-01' }] }),
      offer({ id: 'early', competences: [{ competenceId: 'digital', level: 3 }] }),
      offer({
        id: 'best',
        competences: [
          { competenceId: 'digital', level: 3 },
          { competenceId: 'dutch', level: 2 },
        ],
      }),
      offer({ id: 'french', languages: ['fr'], competences: [{ competenceId: 'digital', level: 3 }] }),
    ];
    const { recommendations, excluded } = rankOffers(gaps, offers, prefs);
    expect(recommendations.map((r) => r.offerId)).toEqual(['best', 'early', 'late']);
    expect(excluded).toEqual([{ offerId: 'french', reason: 'language' }]);
    // Deterministic: the same input in another order gives the same ranking.
    expect(rankOffers(gaps, [...offers].reverse(), prefs).recommendations.map((r) => r.offerId)).toEqual(['best', 'early', 'late']);
  });
});
