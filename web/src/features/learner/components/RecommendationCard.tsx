import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { pick } from '../../../components/localized';
import type { RecommendationView } from '../api/me';
import { useFormat } from './format';
import { LearnerIcon } from './LearnerIcon';
import { OfferFacts } from './OfferFacts';
import { whySentences } from './why';

/** A recommended offer with its "why" in plain words and the next date. */
export function RecommendationCard({ rec }: { rec: RecommendationView }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const title = pick(rec.title, f.lang);
  const why = whySentences(rec, t, f);
  return (
    <li className="card offer-card recommendation">
      <h3 className="card__title">
        <Link to={paths.catalogOffer(rec.offerId)} lang={title && title.lang !== f.lang ? title.lang : undefined}>
          {title?.text}
        </Link>
      </h3>
      <p className="card__meta">{t('card.by', { provider: rec.providerName })}</p>
      <div className="why">
        <LearnerIcon name="lightbulb" size={28} />
        <div>
          <p className="why__title">{t('why.title')}</p>
          <p className="why__text">{why.fits}</p>
          {why.less ? <p className="why__less">{why.less}</p> : null}
        </div>
      </div>
      <OfferFacts
        offer={{
          format: rec.format,
          municipality: rec.municipality,
          region: null,
          languages: rec.languages,
          durationMinutes: rec.durationMinutes,
          priceCents: rec.priceCents,
          nextStartsOn: rec.nextEdition.startsOn,
        }}
      />
      <p className="seats">
        <LearnerIcon name="seats" size={24} />
        <span>{t('edition.freeSeats', { count: rec.nextEdition.freeSeats })}</span>
      </p>
    </li>
  );
}
