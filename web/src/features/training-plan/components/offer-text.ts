import type { Locale } from '../../../../../src/shared/roles';
import { pickText } from '../../../components/localized';
import type { RecommendationView } from '../api/plans';
import { formatEuro } from '../../../components/money';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "3 mrt 2027" or "3 mrt 2027 – 4 mrt 2027" (dates are calendar days, shown as such). */
export function editionDates(edition: { startsOn: string; endsOn: string }, lang: Locale): string {
  const day = new Intl.DateTimeFormat(`${lang}-BE`, { dateStyle: 'medium', timeZone: 'UTC' });
  const at = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
  return edition.startsOn === edition.endsOn ? at(edition.startsOn) : `${at(edition.startsOn)} – ${at(edition.endsOn)}`;
}

/**
 * Why an offer was recommended, in short plain parts: which gaps it covers, the language, the
 * distance or "online", the price after funding, and what made it fit less well.
 */
export function whyParts(rec: RecommendationView, t: Translate, lang: Locale): string[] {
  const e = rec.explanation;
  const parts: string[] = [];
  if (e.covers.length) {
    parts.push(
      t('offer.why.covers', {
        list: e.covers.map((c) => pickText(c.label, lang)).join(', '),
        covered: e.covers.length,
        count: e.gapCount,
      }),
    );
  }
  if (e.textMatch) parts.push(t('offer.why.text'));
  if (e.language)
    parts.push(t(`offer.why.lang.${e.language}`, { defaultValue: t('offer.why.langOther', { code: e.language.toUpperCase() }) }));
  if (e.online) parts.push(t('offer.why.online'));
  else if (e.distanceKm !== null) parts.push(e.distanceKm < 1 ? t('offer.why.near') : t('offer.why.km', { km: Math.round(e.distanceKm) }));
  if (e.free) parts.push(t('offer.why.free'));
  else if (e.funding) {
    parts.push(
      t('offer.why.funding', { amount: formatEuro(e.funding.cents, lang), name: pickText(e.funding.name, lang) || e.funding.instrument }),
    );
  }
  if (e.reductions.length) {
    parts.push(
      t('offer.why.less', { list: e.reductions.map((r) => t(`offer.why.factor.${r.factor}`, { defaultValue: r.factor })).join(', ') }),
    );
  }
  return parts;
}
