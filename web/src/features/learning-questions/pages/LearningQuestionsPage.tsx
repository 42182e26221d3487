import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useOrgRoles } from '../../../api/roles';
import { SelectField } from '../../../components/Field';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  createQuestion,
  questionsKey,
  useMyPeople,
  useQuestions,
  useTeams,
  type CreateQuestionBody,
  type QuestionView,
} from '../api/questions';
import { QuestionCard } from '../components/QuestionCard';
import '../learning-questions.css';

type Status = QuestionView['status'];
type Source = QuestionView['source'];

export default function LearningQuestionsPage() {
  const { t } = useTranslation('learning-questions');
  usePageTitle(t('list.title'));
  const { orgId = '' } = useParams();
  const [status, setStatus] = useState<Status | ''>('new');
  const [source, setSource] = useState<Source | ''>('');
  const questions = useQuestions(orgId, { status: status || undefined, source: source || undefined });
  const items = questions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <NewQuestion orgId={orgId} />
      <div className="question-filters">
        <SelectField
          label={t('list.statusFilter')}
          value={status}
          onChange={(v) => setStatus(v as Status | '')}
          options={[
            { value: '', label: t('list.all') },
            ...(['new', 'confirmed', 'dismissed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <SelectField
          label={t('list.sourceFilter')}
          value={source}
          onChange={(v) => setSource(v as Source | '')}
          options={[
            { value: '', label: t('list.all') },
            ...(['survey', 'hr', 'manager', 'employee'] as const).map((s) => ({ value: s, label: t(`source.${s}`) })),
          ]}
        />
      </div>
      {questions.isPending ? <Loading /> : null}
      <ErrorMessage error={questions.error} />
      {questions.data ? (
        <>
          <p role="status">
            {questions.hasNextPage ? t('list.countMore', { count: items.length }) : t('list.count', { count: items.length })}
          </p>
          {items.length === 0 ? <p className="empty">{t('list.none')}</p> : null}
          <ul className="question-list">
            {items.map((q) => (
              <QuestionCard key={q.id} orgId={orgId} question={q} />
            ))}
          </ul>
          {questions.hasNextPage ? (
            <button type="button" className="button" disabled={questions.isFetchingNextPage} onClick={() => questions.fetchNextPage()}>
              {t('list.more')}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function NewQuestion({ orgId }: { orgId: string }) {
  const { t } = useTranslation('learning-questions');
  const client = useQueryClient();
  const roles = useOrgRoles(orgId);
  const teams = useTeams(orgId);
  const people = useMyPeople(orgId, roles.ready && !roles.isHr);
  const visibilityName = useId();
  const [text, setText] = useState('');
  const [personId, setPersonId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [own, setOwn] = useState(false);
  const [visibility, setVisibility] = useState<'private' | 'supervisor' | 'hr'>('hr');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const manager = !roles.isHr;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setFailure(null);
    setErrors({});
    const body: CreateQuestionBody = {
      text,
      visibility,
      ...(personId ? { personId } : {}),
      ...(teamId && !personId ? { teamId } : {}),
      ...(own && personId ? { source: 'employee' } : {}),
    };
    try {
      await createQuestion(orgId, body);
      await client.invalidateQueries({ queryKey: questionsKey(orgId) });
      setText('');
      setPersonId('');
      setOwn(false);
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="new-question">
      <summary>{t('form.title')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <TextAreaField
          label={t('form.text')}
          hint={t('form.textHint')}
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          error={errors.text ? t('form.textError') : null}
          required
        />
        {manager ? (
          <SelectField
            label={t('form.person')}
            value={personId}
            onChange={setPersonId}
            options={[
              { value: '', label: t('form.choosePerson') },
              ...(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.displayName })),
            ]}
            error={errors.personId ? t('form.personError') : null}
          />
        ) : (
          <SelectField
            label={t('form.team')}
            value={teamId}
            onChange={setTeamId}
            options={[{ value: '', label: t('form.noTeam') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
            error={errors.teamId ? t('form.teamError') : null}
          />
        )}
        {manager && personId ? (
          <label className="checkbox">
            <input type="checkbox" checked={own} onChange={(e) => setOwn(e.target.checked)} />
            <span>{t('form.own')}</span>
          </label>
        ) : null}
        <fieldset className="fieldset">
          <legend>{t('form.visibility')}</legend>
          {(['private', 'supervisor', 'hr'] as const).map((v) => (
            <label key={v} className="radio">
              <input type="radio" name={visibilityName} checked={visibility === v} onChange={() => setVisibility(v)} />
              <span>
                <strong>{t(`visibility.${v}.short`)}</strong>
                <br />
                {t(`visibility.${v}.long`)}
              </span>
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
        </div>
        {saved ? <Notice>{t('form.saved')}</Notice> : null}
        <ErrorMessage error={failure} focus />
      </form>
    </details>
  );
}
