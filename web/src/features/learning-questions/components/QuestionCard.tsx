import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { CompetencePicker } from '../../../components/CompetencePicker';
import { pickText, type LocalizedText } from '../../../components/localized';
import { ErrorMessage, Notice } from '../../../components/Status';
import type { Locale } from '../../../../../src/shared/roles';
import { decide, questionsKey, replaceCompetences, suggestAgain, type QuestionView } from '../api/questions';

interface Link_ {
  competenceId: string;
  label: LocalizedText | string;
  confirmed: boolean;
  suggestionRank: number | null;
}

const linksOf = (q: QuestionView): Link_[] =>
  q.competences.map((c) => ({ competenceId: c.competenceId, label: c.label, confirmed: c.confirmed, suggestionRank: c.suggestionRank }));

/** One learning question: its text, the suggested competences to confirm or change, and the decision. */
export function QuestionCard({ orgId, question }: { orgId: string; question: QuestionView }) {
  const { t, i18n } = useTranslation('learning-questions');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const [current, setCurrent] = useState(question);
  const [links, setLinks] = useState<Link_[]>(() => linksOf(question));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' });
  const labelOf = (label: LocalizedText | string) => (typeof label === 'string' ? label : pickText(label, lang));
  const headingId = `question-${question.id}`;

  const run = async (action: () => Promise<QuestionView>, message: string) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const next = await action();
      setCurrent(next);
      setLinks(linksOf(next));
      setDirty(false);
      setNotice(message);
      // Marked stale but not refetched now: the card stays in view (with its new state) until the filters change.
      await client.invalidateQueries({ queryKey: questionsKey(orgId), refetchType: 'none' });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const change = (next: Link_[]) => {
    setLinks(next);
    setDirty(true);
    setNotice(null);
  };

  return (
    <li className={`card question question--${current.status}`}>
      <article aria-labelledby={headingId}>
        <p className="question__status">
          <span className="badge">{t(`status.${current.status}`)}</span> <span className="badge">{t(`source.${current.source}`)}</span>
        </p>
        <h2 className="question__text" id={headingId}>
          “{current.text}”
        </h2>
        <p className="card__meta">
          {current.person ? (
            <>
              <Link to={paths.starr(orgId, current.person.id)}>{current.person.displayName}</Link>
              {current.team ? ` · ${current.team.name}` : ''}
            </>
          ) : current.team ? (
            t('card.teamOnly', { team: current.team.name })
          ) : (
            t('card.nobody')
          )}{' '}
          · {date.format(new Date(current.createdAt))}
        </p>
        {current.decidedBy && current.decidedAt ? (
          <p className="card__meta">
            {t('card.decided', { name: current.decidedBy.displayName, date: date.format(new Date(current.decidedAt)) })}
          </p>
        ) : null}

        <fieldset className="fieldset question__competences">
          <legend>{t('card.competences')}</legend>
          {links.length === 0 ? <p className="empty">{t('card.noCompetences')}</p> : null}
          <ul className="question__links">
            {links.map((link) => (
              <li key={link.competenceId}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={link.confirmed}
                    onChange={(e) =>
                      change(links.map((l) => (l.competenceId === link.competenceId ? { ...l, confirmed: e.target.checked } : l)))
                    }
                  />
                  <span>
                    {labelOf(link.label)}
                    <span className="result-list__meta">
                      {link.suggestionRank ? t('card.suggested', { rank: link.suggestionRank }) : t('card.byHand')}
                    </span>
                  </span>
                </label>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => change(links.filter((l) => l.competenceId !== link.competenceId))}
                >
                  {t('card.remove')}
                  <span className="visually-hidden">: {labelOf(link.label)}</span>
                </button>
              </li>
            ))}
          </ul>
          <details className="question__add">
            <summary>{t('card.addOther')}</summary>
            <CompetencePicker
              orgId={orgId}
              title={t('card.addOther')}
              chosen={new Set(links.map((l) => l.competenceId))}
              onAdd={(hit) => change([...links, { competenceId: hit.id, label: hit.label, confirmed: true, suggestionRank: null }])}
            />
          </details>
          <p className="card__actions">
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy || !dirty}
              onClick={() =>
                run(
                  () =>
                    replaceCompetences(orgId, current.id, {
                      competences: links.map((l) => ({ competenceId: l.competenceId, confirmed: l.confirmed })),
                    }),
                  t('card.savedCompetences'),
                )
              }
            >
              {t('card.saveCompetences')}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => run(() => suggestAgain(orgId, current.id), t('card.suggestedAgain'))}
            >
              {t('card.suggestAgain')}
            </button>
          </p>
        </fieldset>

        <p className="card__actions">
          {current.status === 'new' ? (
            <>
              <button
                type="button"
                className="button button--small button--primary"
                disabled={busy}
                onClick={() => run(() => decide(orgId, current.id, 'confirmed'), t('card.confirmedNotice'))}
              >
                <span aria-hidden="true">✔ </span>
                {t('card.confirm')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => run(() => decide(orgId, current.id, 'dismissed'), t('card.dismissedNotice'))}
              >
                <span aria-hidden="true">✖ </span>
                {t('card.dismiss')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => run(() => decide(orgId, current.id, 'new'), t('card.reopenedNotice'))}
            >
              {t('card.reopen')}
            </button>
          )}
        </p>
        {notice ? <Notice>{notice}</Notice> : null}
        <ErrorMessage error={failure} />
      </article>
    </li>
  );
}
