import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../api/session';
import { paths } from '../../../app/paths';
import { ReadAloud } from '../../../components/ReadAloud';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { activeStatuses, useMyEnrolments, useSavedOffers } from '../api/enrolments';
import { useDefaultScale, useMyCompetences, useMyLearningQuestions, useMyRecommendations, type MyQuestionView } from '../api/me';
import { useFormat } from '../components/format';
import { LearnerIcon } from '../components/LearnerIcon';
import { LearnerTabs } from '../components/LearnerTabs';
import { MyCompetences } from '../components/MyCompetences';
import { RecommendationCard } from '../components/RecommendationCard';
import { whySentences } from '../components/why';
import '../learner.css';

/** "Mijn leren": what I can do, what I want to learn, offers that fit me, and where my saved offers and enrolments are. */
export default function LearnerHomePage() {
  const { t } = useTranslation('learner');
  usePageTitle(t('home.title'));
  const f = useFormat();
  const session = useSession();
  const organisationIds = [
    ...new Set((session.data?.memberships ?? []).filter((m) => m.role === 'employee' || m.role === 'manager').map((m) => m.organisationId)),
  ];
  const competences = useMyCompetences(organisationIds);
  const scale = useDefaultScale();
  const questions = useMyLearningQuestions();
  const recommendations = useMyRecommendations();
  const enrolments = useMyEnrolments();
  const saved = useSavedOffers();
  const recs = recommendations.data?.recommendations ?? [];
  const gaps = recommendations.data?.gaps ?? [];
  const upcoming = (enrolments.data ?? []).filter((e) => activeStatuses.has(e.status)).length;

  const spoken = [
    t('home.title'),
    t('home.intro'),
    gaps.length ? t('home.spokenGaps', { count: gaps.length, list: f.list(gaps.map((g) => f.text(g.label))) }) : '',
    ...recs.slice(0, 3).map((r) => `${f.text(r.title)}. ${whySentences(r, t, f).fits}`),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="learner">
      <LearnerTabs />
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ReadAloud text={spoken} locale={f.lang} />

      <ul className="learner-tiles">
        <li>
          <Link to={paths.catalog()} className="learner-tile">
            <LearnerIcon name="search" size={40} />
            <span>{t('home.tiles.search')}</span>
          </Link>
        </li>
        <li>
          <Link to={paths.learnerSaved()} className="learner-tile">
            <LearnerIcon name="bookmarked" size={40} />
            <span>{t('home.tiles.saved', { count: saved.data?.length ?? 0 })}</span>
          </Link>
        </li>
        <li>
          <Link to={paths.learnerEnrolments()} className="learner-tile">
            <LearnerIcon name="ticket" size={40} />
            <span>{t('home.tiles.enrolments', { count: upcoming })}</span>
          </Link>
        </li>
      </ul>

      <section aria-labelledby="recommended-title">
        <h2 id="recommended-title">{t('home.recommended.title')}</h2>
        {recommendations.isPending ? <Loading /> : null}
        <ErrorMessage error={recommendations.error} />
        {recommendations.data ? (
          recs.length ? (
            <>
              <p>{t('home.recommended.intro')}</p>
              <ul className="cards">
                {recs.map((rec) => (
                  <RecommendationCard key={rec.offerId} rec={rec} />
                ))}
              </ul>
            </>
          ) : (
            <p className="empty">
              {gaps.length ? t('home.recommended.noneForGaps') : t('home.recommended.noGaps')}{' '}
              <Link to={paths.catalog()}>{t('home.recommended.searchYourself')}</Link>
            </p>
          )
        ) : null}
      </section>

      <section aria-labelledby="competences-title">
        <h2 id="competences-title">{t('home.competences.title')}</h2>
        <p>{t('home.competences.intro')}</p>
        {competences.isPending ? <Loading /> : null}
        <ErrorMessage error={competences.error} />
        {!competences.isPending && !competences.data.some((d) => d.result.items.length) ? (
          <p className="empty">{t('home.competences.none')}</p>
        ) : null}
        {competences.data.map(({ organisationId, result }) =>
          result.items.length ? (
            <div key={organisationId}>
              {competences.data.length > 1 ? (
                <p className="learner-org">
                  {session.data?.memberships.find((m) => m.organisationId === organisationId)?.organisationName}
                </p>
              ) : null}
              <MyCompetences items={result.items} scale={scale.data} />
              <p>
                <Link to={paths.myResult(organisationId)}>{t('home.competences.fullResult')}</Link>
              </p>
            </div>
          ) : null,
        )}
      </section>

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t('home.questions.title')}</h2>
        {questions.isPending ? <Loading /> : null}
        <ErrorMessage error={questions.error} />
        {questions.data && questions.data.length === 0 ? <p className="empty">{t('home.questions.none')}</p> : null}
        {questions.data?.length ? (
          <ul className="question-list">
            {questions.data.map((q) => (
              <QuestionItem key={q.id} question={q} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function QuestionItem({ question }: { question: MyQuestionView }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const confirmed = question.competences.filter((c) => c.confirmed);
  return (
    <li>
      <LearnerIcon name="question" size={32} />
      <div>
        <p className="question-list__text">{question.text}</p>
        <p className="question-list__meta">
          <span className={`badge question-status question-status--${question.status}`}>{t(`questionStatus.${question.status}`)}</span>{' '}
          {t('home.questions.askedOn', { date: f.date(question.createdAt) })}
        </p>
        {confirmed.length ? (
          <p className="question-list__meta">{t('home.questions.about', { list: f.list(confirmed.map((c) => f.text(c.label))) })}</p>
        ) : null}
      </div>
    </li>
  );
}
