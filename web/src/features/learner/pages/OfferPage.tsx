import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useSession } from '../../../api/session';
import { paths } from '../../../app/paths';
import { pick } from '../../../components/localized';
import { ReadAloud } from '../../../components/ReadAloud';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { usePublishedOffer, type OfferDetail } from '../api/catalog';
import { useMyEnrolments, useSavedOffers, useToggleSaved, activeStatuses } from '../api/enrolments';
import { EnrolForm, EnrolmentState, useEditionDates } from '../components/EnrolForm';
import { useFormat } from '../components/format';
import { LearnerIcon } from '../components/LearnerIcon';
import { LearnerTabs } from '../components/LearnerTabs';
import { OfferFacts } from '../components/OfferFacts';
import '../learner.css';

/**
 * One offer: what you learn, for whom, recognitions and accessibility, and its dates with free
 * seats. Signed-in people save it and enrol (or join the waiting list); visitors are asked to sign in.
 */
export default function OfferPage() {
  const { t } = useTranslation('learner');
  const { offerId = '' } = useParams();
  const offer = usePublishedOffer(offerId);
  const f = useFormat();
  const session = useSession();
  const title = offer.data ? pick(offer.data.title, f.lang) : null;
  usePageTitle(title?.text ?? t('offer.title'));
  const notFound = offer.error instanceof ApiError && (offer.error.status === 404 || offer.error.status === 400);
  return (
    <div className="learner">
      {session.data ? <LearnerTabs /> : null}
      <nav className="breadcrumbs" aria-label={t('offer.breadcrumbs')}>
        <ol>
          <li>
            <Link to={paths.catalog()}>{t('search.title')}</Link>
          </li>
          <li aria-current="page">{title?.text ?? t('offer.title')}</li>
        </ol>
      </nav>
      {offer.isPending ? <Loading /> : null}
      {notFound ? (
        <>
          <h1>{t('offer.notFoundTitle')}</h1>
          <p>{t('offer.notFound')}</p>
        </>
      ) : (
        <ErrorMessage error={offer.error} />
      )}
      {offer.data ? <OfferBody offer={offer.data} signedIn={Boolean(session.data)} /> : null}
    </div>
  );
}

function OfferBody({ offer, signedIn }: { offer: OfferDetail; signedIn: boolean }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const location = useLocation();
  const dates = useEditionDates();
  const title = pick(offer.title, f.lang);
  const description = pick(offer.description, f.lang);
  const saved = useSavedOffers(signedIn);
  const toggle = useToggleSaved();
  const enrolments = useMyEnrolments(signedIn);
  const isSaved = Boolean(saved.data?.some((s) => s.offerId === offer.id));
  const mine = (enrolments.data ?? []).filter((e) => e.offerId === offer.id && activeStatuses.has(e.status));
  const loginLink = `${paths.login()}?next=${encodeURIComponent(location.pathname)}`;
  const foreign = (text: { lang: string } | null) => (text && text.lang !== f.lang ? text.lang : undefined);

  return (
    <article className="offer-detail">
      <h1 lang={foreign(title)}>{title?.text}</h1>
      <p className="card__meta">{t('card.by', { provider: offer.provider.name })}</p>
      <ReadAloud text={`${title?.text ?? ''}. ${description?.text ?? ''}`} locale={f.lang} />
      <OfferFacts offer={{ ...offer, nextStartsOn: offer.editions[0]?.startsOn ?? null }} />

      <div className="offer-actions">
        {signedIn ? (
          <button
            type="button"
            className="button offer-save"
            aria-pressed={isSaved}
            disabled={toggle.isPending || saved.isPending}
            onClick={() => toggle.mutate({ offerId: offer.id, save: !isSaved })}
          >
            <LearnerIcon name={isSaved ? 'bookmarked' : 'bookmark'} size={28} />
            {isSaved ? t('offer.saved') : t('offer.save')}
          </button>
        ) : (
          <p>
            <Link to={loginLink} className="button button--primary">
              {t('offer.signInToEnrol')}
            </Link>
          </p>
        )}
      </div>
      <ErrorMessage error={toggle.error} />

      {mine.length ? (
        <section className="my-place" aria-labelledby="my-place-title">
          <h2 id="my-place-title">{t('offer.yourPlace')}</h2>
          <ul className="link-list">
            {mine.map((e) => (
              <li key={e.id}>
                <strong>{dates(e)}</strong>
                <EnrolmentState enrolment={e} />
              </li>
            ))}
          </ul>
          <p>
            <Link to={paths.learnerEnrolments()}>{t('offer.manageEnrolments')}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="learn-title">
        <h2 id="learn-title">{t('offer.whatYouLearn')}</h2>
        <div lang={foreign(description)}>
          {(description?.text ?? '').split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
        {offer.competences.filter((c) => c.confirmed).length ? (
          <>
            <h3>{t('offer.competences')}</h3>
            <ul className="competence-tags">
              {offer.competences
                .filter((c) => c.confirmed)
                .map((c) => (
                  <li key={c.competenceId}>
                    <LearnerIcon name="growth" size={24} />
                    <span>
                      {f.text(c.label)} <span className="competence-tags__level">({t('offer.upToLevel', { level: c.level })})</span>
                    </span>
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </section>

      {offer.targetAudience || offer.entryRequirements ? (
        <section aria-labelledby="who-title">
          <h2 id="who-title">{t('offer.forWhom')}</h2>
          {offer.targetAudience ? <p>{offer.targetAudience}</p> : null}
          {offer.entryRequirements ? (
            <p>
              <strong>{t('offer.requirements')}</strong> {offer.entryRequirements}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="support-title">
        <h2 id="support-title">{t('offer.support')}</h2>
        {offer.recognitions.length ? (
          <ul className="icon-list">
            {offer.recognitions.map((r) => (
              <li key={r}>
                <LearnerIcon name="award" size={28} />
                <span>{f.recognition(r)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('offer.noRecognitions')}</p>
        )}
        {offer.credential ? (
          <p>
            <strong>{t('offer.credential')}</strong> {offer.credential}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t('offer.accessibility')}</h2>
        {offer.accessibility.length ? (
          <ul className="icon-list">
            {offer.accessibility.map((a) => (
              <li key={a}>
                <LearnerIcon name={a === 'wheelchair' ? 'wheelchair' : 'easy-read'} size={28} />
                <span>{f.accessibility(a)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('offer.noAccessibility')}</p>
        )}
      </section>

      <section aria-labelledby="dates-title">
        <h2 id="dates-title">{t('offer.dates')}</h2>
        {offer.editions.length === 0 ? <p className="empty">{t('offer.noEditions')}</p> : null}
        {offer.editions.length && signedIn ? <EnrolForm editions={offer.editions} mine={mine} /> : null}
        {offer.editions.length && !signedIn ? (
          <>
            <ul className="edition-list">
              {offer.editions.map((e) => (
                <li key={e.id} className="edition-option">
                  <span className="edition-option__text">
                    <strong>
                      <LearnerIcon name="calendar" size={24} />
                      <span>{dates(e)}</span>
                    </strong>
                    <span>{e.seatsLeft > 0 ? t('edition.freeSeats', { count: e.seatsLeft }) : t('edition.full')}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <Link to={loginLink}>{t('offer.signInToEnrol')}</Link>
            </p>
          </>
        ) : null}
      </section>
    </article>
  );
}
