import { describe, expect, it } from 'vitest';
import type { RecommendationView } from '../api/plans';
import { editionDates, whyParts } from './offer-text';

/** A stand-in for i18next: the key with its values, so the test sees what was asked for. */
const t = (key: string, options: Record<string, unknown> = {}) => {
  if (key.startsWith('offer.why.lang.') && options.defaultValue)
    return key === 'offer.why.lang.nl' ? 'in het Nederlands' : String(options.defaultValue);
  const values = Object.entries(options)
    .filter(([k]) => k !== 'defaultValue')
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return values ? `${key}(${values})` : key;
};

const rec = (explanation: Partial<RecommendationView['explanation']>): RecommendationView => ({
  offerId: '00000000-0000-7000-8000-000000000001',
  title: { nl: 'Heftruck' },
  providerName: 'Leerhuis',
  format: 'classroom',
  languages: ['nl'],
  municipality: 'Gent',
  durationMinutes: 960,
  priceCents: 34_950,
  priceAfterFundingCents: 17_475,
  score: 0.8,
  coverage: 1,
  nextEdition: { id: '00000000-0000-7000-8000-000000000002', startsOn: '2027-03-02', enrolmentDeadline: null, freeSeats: 4 },
  explanation: {
    covers: [],
    gapCount: 0,
    uncovered: [],
    language: 'nl',
    distanceKm: null,
    online: false,
    free: false,
    funding: null,
    reductions: [],
    textMatch: false,
    ...explanation,
  },
});

describe('why an offer is recommended', () => {
  it('names the covered gaps, the language, the distance and the funding', () => {
    const parts = whyParts(
      rec({
        covers: [
          { competenceId: 'a', label: { nl: 'Heftruck rijden' }, share: 1, via: 'tag' },
          { competenceId: 'b', label: { nl: 'Veilig werken' }, share: 0.5, via: 'tag' },
        ],
        gapCount: 3,
        distanceKm: 12.4,
        funding: { instrument: 'kmo-portefeuille', name: { nl: 'KMO-portefeuille' }, cents: 6_990, verdict: 'check' },
      }),
      t,
      'nl',
    );
    expect(parts).toEqual([
      'offer.why.covers(list=Heftruck rijden, Veilig werken,covered=2,count=3)',
      'in het Nederlands',
      'offer.why.km(km=12)',
      expect.stringMatching(/^offer\.why\.funding\(amount=€\s?69,90,name=KMO-portefeuille\)$/),
    ]);
  });

  it('says online, free, text match, other languages and what made it fit less', () => {
    const parts = whyParts(
      rec({ online: true, free: true, textMatch: true, language: 'de', reductions: [{ factor: 'format', multiplier: 0.85 }] }),
      t,
      'nl',
    );
    expect(whyParts(rec({ distanceKm: 0.3 }), t, 'nl')).toEqual(['in het Nederlands', 'offer.why.near']);
    expect(parts).toEqual([
      'offer.why.text',
      'offer.why.langOther(code=DE)',
      'offer.why.online',
      'offer.why.free',
      'offer.why.less(list=offer.why.factor.format)',
    ]);
  });

  it('writes one day or a period', () => {
    expect(editionDates({ startsOn: '2027-03-02', endsOn: '2027-03-02' }, 'en')).toBe('02 Mar 2027');
    expect(editionDates({ startsOn: '2027-03-02', endsOn: '2027-03-03' }, 'en')).toBe('02 Mar 2027 – 03 Mar 2027');
  });
});
