import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { pick } from '../../../components/localized';
import type { SearchHit } from '../api/catalog';
import { useFormat } from './format';
import { LearnerIcon } from './LearnerIcon';
import { OfferFacts } from './OfferFacts';

/** One search result: title (the link), provider, a short text, the key facts and what helps. */
export function OfferCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const title = pick(hit.title, f.lang);
  const summary = pick(hit.summary, f.lang);
  return (
    <li className="card offer-card">
      <h3 className="card__title">
        <Link to={paths.catalogOffer(hit.id)} lang={title && title.lang !== f.lang ? title.lang : undefined}>
          {title?.text}
        </Link>
      </h3>
      <p className="card__meta">{t('card.by', { provider: hit.provider.name })}</p>
      {summary ? (
        <p className="offer-card__summary" lang={summary.lang !== f.lang ? summary.lang : undefined}>
          {summary.text.length >= 300 ? `${summary.text.replace(/\s+\S*$/, '')} …` : summary.text}
        </p>
      ) : null}
      <OfferFacts offer={hit} />
      {hit.recognitions.length || hit.accessibility.length ? (
        <ul className="offer-badges" aria-label={t('card.extras')}>
          {hit.recognitions.map((r) => (
            <li key={r} className="badge">
              <LearnerIcon name="award" size={20} /> {f.recognition(r)}
            </li>
          ))}
          {hit.accessibility.map((a) => (
            <li key={a} className="badge">
              <LearnerIcon name={a === 'wheelchair' ? 'wheelchair' : 'easy-read'} size={20} /> {f.accessibility(a)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
