import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { useFormat } from './format';
import { LearnerIcon, type LearnerIconName } from './LearnerIcon';

export interface OfferFactsInput {
  format: string;
  municipality: string | null;
  region: string | null;
  languages: string[];
  durationMinutes: number;
  priceCents: number;
  level?: number | null;
  nextStartsOn?: string | null;
}

function Fact({ icon, label, children }: { icon: LearnerIconName; label: string; children: ReactNode }) {
  return (
    <li>
      <LearnerIcon name={icon} size={24} />
      <span>
        <span className="visually-hidden">{label}: </span>
        {children}
      </span>
    </li>
  );
}

/** The key facts of an offer as a short list of pictogram + words (form, place, language, time, price). */
export function OfferFacts({ offer, compact = false }: { offer: OfferFactsInput; compact?: boolean }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const place = offer.format === 'online' ? null : (offer.municipality ?? (offer.region ? f.region(offer.region) : null));
  return (
    <ul className={`offer-facts${compact ? ' offer-facts--compact' : ''}`}>
      <Fact icon={offer.format === 'online' ? 'online' : 'place'} label={t('facts.where')}>
        {f.format(offer.format)}
        {place ? ` · ${place}` : null}
      </Fact>
      <Fact icon="language" label={t('facts.language')}>
        {offer.languages.map(f.language).join(', ')}
      </Fact>
      <Fact icon="clock" label={t('facts.duration')}>
        {f.duration(offer.durationMinutes)}
      </Fact>
      <Fact icon="euro" label={t('facts.price')}>
        {f.price(offer.priceCents)}
      </Fact>
      {offer.nextStartsOn !== undefined ? (
        <Fact icon="calendar" label={t('facts.nextStart')}>
          {offer.nextStartsOn ? t('facts.startsOn', { date: f.date(offer.nextStartsOn) }) : t('facts.noDates')}
        </Fact>
      ) : null}
      {offer.level ? (
        <Fact icon="growth" label={t('facts.level')}>
          {f.level(offer.level)}
        </Fact>
      ) : null}
    </ul>
  );
}
