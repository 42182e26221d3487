import type { TFunction } from 'i18next';
import type { RecommendationView } from '../api/me';
import type { Format } from './format';

/**
 * The "why" of a recommendation in plain words, from the parts the API gives
 * (domain-rules §8): which of the person's gaps it covers, the language, where, what it costs,
 * and what made it fit less well. Example: "Werkt aan Arbeidsattitude en Omgaan met verandering:
 * 2 van je 2 leerpunten · in het Nederlands · online · gratis met opleidingscheques."
 */
export function whySentences(rec: RecommendationView, t: TFunction<'learner'>, f: Format): { fits: string; less: string | null } {
  const e = rec.explanation;
  const parts: string[] = [];
  const names = e.covers.map((c) => f.text(c.label));
  parts.push(t('why.covers', { list: f.list(names), covered: e.covers.length, count: e.gapCount }));
  if (e.covers.some((c) => c.via === 'text')) parts.push(t('why.textMatch'));
  parts.push(t('why.language', { language: f.languageInText(e.language) }));
  if (e.online) parts.push(t('why.online'));
  else if (e.distanceKm !== null) parts.push(e.distanceKm === 0 ? t('why.near') : t('why.distance', { km: e.distanceKm }));
  const instrument = e.funding ? (e.funding.name[f.lang] ?? e.funding.name.nl ?? e.funding.instrument) : null;
  if (rec.priceAfterFundingCents === 0) parts.push(instrument && rec.priceCents > 0 ? t('why.freeWith', { instrument }) : t('why.free'));
  else if (instrument) parts.push(t('why.priceWith', { price: f.euros(rec.priceAfterFundingCents), instrument }));
  else parts.push(t('why.price', { price: f.euros(rec.priceCents) }));
  const less = e.reductions.map((r) => t(`why.reduction.${r.factor}`, { defaultValue: r.factor }));
  return {
    fits: `${parts.join(' · ')}.`,
    less: less.length ? t('why.less', { list: f.list(less) }) : null,
  };
}
