import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { pick } from '../../../components/localized';
import { ReadAloud } from '../../../components/ReadAloud';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSavedOffers, useToggleSaved } from '../api/enrolments';
import { useFormat } from '../components/format';
import { LearnerIcon } from '../components/LearnerIcon';
import { LearnerTabs } from '../components/LearnerTabs';
import '../learner.css';

/** The offers the person put aside, with the next date and its free seats. */
export default function SavedOffersPage() {
  const { t } = useTranslation('learner');
  usePageTitle(t('saved.title'));
  const f = useFormat();
  const saved = useSavedOffers();
  const toggle = useToggleSaved();
  return (
    <div className="learner">
      <LearnerTabs />
      <h1>{t('saved.title')}</h1>
      <p className="lead">{t('saved.intro')}</p>
      <ReadAloud text={`${t('saved.title')}. ${t('saved.intro')}`} locale={f.lang} />
      {saved.isPending ? <Loading /> : null}
      <ErrorMessage error={saved.error ?? toggle.error} />
      {saved.data && saved.data.length === 0 ? (
        <p className="empty">
          {t('saved.none')} <Link to={paths.catalog()}>{t('home.recommended.searchYourself')}</Link>
        </p>
      ) : null}
      {saved.data?.length ? (
        <ul className="cards">
          {saved.data.map((s) => {
            const title = pick(s.title, f.lang);
            return (
              <li key={s.offerId} className="card offer-card">
                <h2 className="card__title">
                  <Link to={paths.catalogOffer(s.offerId)} lang={title && title.lang !== f.lang ? title.lang : undefined}>
                    {title?.text}
                  </Link>
                </h2>
                <p className="card__meta">
                  {t('card.by', { provider: s.providerName })} · {f.format(s.format)}
                </p>
                <p className="seats">
                  <LearnerIcon name="calendar" size={24} />
                  <span>
                    {s.nextEdition
                      ? `${t('facts.startsOn', { date: f.date(s.nextEdition.startsOn) })} · ${
                          s.nextEdition.freeSeats > 0 ? t('edition.freeSeats', { count: s.nextEdition.freeSeats }) : t('edition.full')
                        }`
                      : t('facts.noDates')}
                  </span>
                </p>
                <div className="card__actions">
                  <Link className="button button--primary" to={paths.catalogOffer(s.offerId)}>
                    {t('saved.open')}
                  </Link>
                  <button
                    type="button"
                    className="button"
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate({ offerId: s.offerId, save: false })}
                  >
                    <LearnerIcon name="bookmark" size={24} />
                    {t('saved.remove')}
                    <span className="visually-hidden">: {title?.text}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
