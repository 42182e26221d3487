import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { CompetencePicker } from '../../../components/CompetencePicker';
import { Field, SelectField } from '../../../components/Field';
import { pickText, type LocalizedText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { createIssue, deleteIssue, issuesKey, updateIssue, useCampaignChoices, useIssue, useTeams, type IssueView } from '../api/issues';
import '../organisation-issues.css';

/** New issue (no :issueId) or an existing one. */
export default function IssueFormPage() {
  const { orgId = '', issueId } = useParams();
  const { t } = useTranslation('organisation-issues');
  const issue = useIssue(orgId, issueId);
  usePageTitle(issueId ? t('form.editTitle') : t('form.newTitle'));
  if (issueId && issue.isPending) return <Loading />;
  if (issueId && issue.isError) return <ErrorMessage error={issue.error} />;
  return <IssueForm key={issue.data?.id ?? 'new'} orgId={orgId} issue={issue.data ?? null} />;
}

function IssueForm({ orgId, issue }: { orgId: string; issue: IssueView | null }) {
  const { t, i18n } = useTranslation('organisation-issues');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const navigate = useNavigate();
  const roles = useOrgRoles(orgId);
  const teams = useTeams(orgId);
  const campaigns = useCampaignChoices(orgId, roles.isHr);
  const kindName = useId();
  const statusName = useId();
  const [kind, setKind] = useState<'problem' | 'goal'>(issue?.kind ?? 'problem');
  const [title, setTitle] = useState(issue?.title ?? '');
  const [description, setDescription] = useState(issue?.description ?? '');
  const [status, setStatus] = useState<'open' | 'addressed'>(issue?.status ?? 'open');
  const [observedOn, setObservedOn] = useState(issue?.observedOn ?? '');
  const [campaignId, setCampaignId] = useState(issue?.campaignId ?? '');
  const [teamIds, setTeamIds] = useState<string[]>(issue?.teams.map((x) => x.id) ?? []);
  const [chosen, setChosen] = useState<Array<{ id: string; label: LocalizedText | string }>>(
    issue?.competences.map((c) => ({ id: c.id, label: c.label })) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const labelOf = (label: LocalizedText | string) => (typeof label === 'string' ? label : pickText(label, lang));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setErrors({});
    const body = {
      kind,
      title,
      description,
      status,
      observedOn: observedOn || null,
      campaignId: campaignId || null,
      teamIds,
      competenceIds: chosen.map((c) => c.id),
    };
    try {
      if (issue) await updateIssue(orgId, issue.id, body);
      else await createIssue(orgId, body);
      await client.invalidateQueries({ queryKey: issuesKey(orgId) });
      navigate(paths.organisationIssues(orgId));
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!issue || !window.confirm(t('form.confirmDelete'))) return;
    try {
      await deleteIssue(orgId, issue.id);
      await client.invalidateQueries({ queryKey: issuesKey(orgId) });
      navigate(paths.organisationIssues(orgId));
    } catch (error) {
      setFailure(error);
    }
  };

  const listError = (prefix: string) => Object.keys(errors).some((k) => k.startsWith(prefix));

  return (
    <>
      <nav aria-label={t('form.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.organisationIssues(orgId)}>{t('list.title')}</Link>
          </li>
          <li aria-current="page">{issue ? issue.title : t('form.newTitle')}</li>
        </ol>
      </nav>
      <h1>{issue ? t('form.editTitle') : t('form.newTitle')}</h1>
      <form className="form form--wide" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>{t('form.kind')}</legend>
          {(['problem', 'goal'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={kindName} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <strong>
                  <span aria-hidden="true">{k === 'problem' ? '⚠ ' : '🎯 '}</span>
                  {t(`kind.${k}.label`)}
                </strong>
                <br />
                {t(`kind.${k}.hint`)}
              </span>
            </label>
          ))}
        </fieldset>
        <Field
          label={t('form.title')}
          hint={t(`form.titleHint.${kind}`)}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title ? t('form.titleError') : null}
          required
        />
        <TextAreaField
          label={t('form.description')}
          value={description}
          maxLength={4000}
          rows={4}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Field
          label={t('form.observedOn')}
          type="date"
          value={observedOn}
          onChange={(e) => setObservedOn(e.target.value)}
          error={errors.observedOn ? t('form.dateError') : null}
        />
        <fieldset className="fieldset">
          <legend>{t('form.status')}</legend>
          {(['open', 'addressed'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name={statusName} checked={status === s} onChange={() => setStatus(s)} />
              <span>{t(`status.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        {campaigns.data?.length ? (
          <SelectField
            label={t('form.campaign')}
            value={campaignId}
            onChange={setCampaignId}
            options={[{ value: '', label: t('form.noCampaign') }, ...campaigns.data.map((c) => ({ value: c.id, label: c.title }))]}
            error={errors.campaignId ? t('form.linkError') : null}
          />
        ) : null}
        <fieldset className="fieldset" aria-invalid={listError('teamIds') ? true : undefined}>
          <legend>{t('form.teams')}</legend>
          {listError('teamIds') ? <p className="field__error">{t('form.linkError')}</p> : null}
          {teams.data?.length === 0 ? <p className="empty">{t('form.noTeams')}</p> : null}
          {teams.data?.map((team) => (
            <label key={team.id} className="checkbox">
              <input
                type="checkbox"
                checked={teamIds.includes(team.id)}
                onChange={(e) => setTeamIds((all) => (e.target.checked ? [...all, team.id] : all.filter((x) => x !== team.id)))}
              />
              <span>{team.name}</span>
            </label>
          ))}
        </fieldset>
        <section aria-labelledby="issue-competences">
          <h2 id="issue-competences">{t('form.competences')}</h2>
          {listError('competenceIds') ? <p className="field__error">{t('form.linkError')}</p> : null}
          {chosen.length === 0 ? <p className="empty">{t('form.noCompetences')}</p> : null}
          <ul className="issue-chosen">
            {chosen.map((c) => (
              <li key={c.id}>
                <span>{labelOf(c.label)}</span>
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => setChosen((all) => all.filter((x) => x.id !== c.id))}
                >
                  {t('form.removeCompetence')}
                  <span className="visually-hidden">: {labelOf(c.label)}</span>
                </button>
              </li>
            ))}
          </ul>
          <CompetencePicker
            orgId={orgId}
            title={t('form.addCompetence')}
            chosen={new Set(chosen.map((c) => c.id))}
            onAdd={(hit) => setChosen((all) => [...all, { id: hit.id, label: hit.label }])}
          />
        </section>
        <div className="card__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
          {issue ? (
            <button type="button" className="button button--danger" onClick={remove}>
              {t('form.delete')}
            </button>
          ) : null}
        </div>
        <ErrorMessage error={failure} focus />
      </form>
    </>
  );
}
