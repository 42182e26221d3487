import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { SelectField } from '../../../components/Field';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { deleteNeed, needsKey, updateNeed, useNeed, useTriages, type NeedDetail } from '../api/needs';
import { ClassificationBadge, CompetenceName, formatDate, NeedCrumbs, PriorityBadge, useGroupLabel } from '../components/bits';
import '../needs.css';

const statuses = ['open', 'triaged', 'planned', 'in_progress', 'met', 'dismissed'] as const;

export default function NeedDetailPage() {
  const { t } = useTranslation('needs');
  const { orgId = '', needId = '' } = useParams();
  const need = useNeed(orgId, needId);
  usePageTitle(need.data?.title ?? t('list.title'));
  return (
    <>
      <NeedCrumbs orgId={orgId} need={need.data} />
      {need.isPending ? <Loading /> : null}
      <ErrorMessage error={need.error} />
      {need.data ? <Detail orgId={orgId} need={need.data} /> : null}
    </>
  );
}

function Detail({ orgId, need }: { orgId: string; need: NeedDetail }) {
  const { t, i18n } = useTranslation('needs');
  const lang = i18n.resolvedLanguage ?? 'nl';
  const roles = useOrgRoles(orgId);
  const groupLabel = useGroupLabel();
  const percent = new Intl.NumberFormat(lang, { style: 'percent' });
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (
    <>
      <h1>{need.title}</h1>
      <p className="need-card__meta">
        <ClassificationBadge value={need.classification} />
        <PriorityBadge value={need.priority} />
        <span className="badge">{t(`status.${need.status}`)}</span>
      </p>
      <dl className="facts">
        {need.competence ? (
          <>
            <dt>{t('detail.competence')}</dt>
            <dd>
              <CompetenceName need={need} />
            </dd>
          </>
        ) : null}
        <dt>{t('detail.group')}</dt>
        <dd>{groupLabel(need)}</dd>
        <dt>{t('detail.people')}</dt>
        <dd>
          {t('list.people', { count: need.peopleCount })}
          {need.people.length ? (
            <>
              {' '}
              — {t('detail.named')} {need.people.map((p) => p.displayName).join(', ')}
            </>
          ) : null}
          {need.hiddenPeople ? <> {t('detail.hiddenPeople', { count: need.hiddenPeople })}</> : null}
        </dd>
        <dt>{t('detail.sources')}</dt>
        <dd>
          <ul className="need-sources">
            {need.sources.map((s) => (
              <li key={s} className="need-source">
                {t(`source.${s}`)}
              </li>
            ))}
          </ul>
        </dd>
        {need.organisationIssue ? (
          <>
            <dt>{t('detail.issue')}</dt>
            <dd>{need.organisationIssue.title}</dd>
          </>
        ) : null}
        {need.urgencyDate ? (
          <>
            <dt>{t('detail.urgencyDate')}</dt>
            <dd>{formatDate(lang, need.urgencyDate)}</dd>
          </>
        ) : null}
        {need.description ? (
          <>
            <dt>{t('detail.description')}</dt>
            <dd>{need.description}</dd>
          </>
        ) : null}
      </dl>

      {need.gapSummary ? (
        <section aria-labelledby="need-gap">
          <h2 id="need-gap">{t('detail.gap.title')}</h2>
          <dl className="facts">
            <dt>{t('detail.gap.assessed')}</dt>
            <dd>{need.gapSummary.assessed}</dd>
            <dt>{t('detail.gap.meanGap')}</dt>
            <dd>{decimal.format(need.gapSummary.meanGap)}</dd>
            <dt>{t('detail.gap.shareGap1')}</dt>
            <dd>{percent.format(need.gapSummary.shareGap1)}</dd>
            <dt>{t('detail.gap.shareGap2')}</dt>
            <dd>{percent.format(need.gapSummary.shareGap2)}</dd>
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="need-triage">
        <h2 id="need-triage">{t('detail.triage.title')}</h2>
        {need.latestTriage ? (
          <p>
            <ClassificationBadge value={need.latestTriage.classification} />{' '}
            {need.latestTriage.decidedBy
              ? t('detail.triage.by', {
                  name: need.latestTriage.decidedBy.displayName,
                  date: formatDate(lang, need.latestTriage.decidedAt),
                })
              : null}
          </p>
        ) : (
          <p>{t('detail.triage.none')}</p>
        )}
        {roles.isHr ? (
          <p>
            <Link className="button button--primary" to={paths.needTriage(orgId, need.id)}>
              {need.latestTriage ? t('detail.triage.again') : t('detail.triage.start')}
            </Link>
          </p>
        ) : null}
        {need.latestTriage ? <TriageHistory orgId={orgId} needId={need.id} /> : null}
      </section>

      <section aria-labelledby="need-priority">
        <h2 id="need-priority">{t('detail.priority.title')}</h2>
        <p>{need.priority === null ? t('detail.priority.none') : t('detail.priority.value', { value: decimal.format(need.priority) })}</p>
        <p>
          <Link className="button" to={paths.needPriority(orgId, need.id)}>
            {t('detail.priority.open')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="need-actions">
        <h2 id="need-actions">{t('detail.actions.title')}</h2>
        {need.actions.length === 0 ? <p className="empty">{t('detail.actions.none')}</p> : null}
        <ul className="link-list">
          {need.actions.map((a) => (
            <li key={a.id}>
              {a.nonTrainingKind ? <span aria-hidden="true">🧰 </span> : <span aria-hidden="true">📘 </span>}
              {a.title} <span className="badge">{t('detail.actions.plan', { year: a.planYear })}</span>
            </li>
          ))}
        </ul>
      </section>

      {roles.isHr ? <StatusForm orgId={orgId} need={need} /> : null}
    </>
  );
}

function TriageHistory({ orgId, needId }: { orgId: string; needId: string }) {
  const { t, i18n } = useTranslation('needs');
  const history = useTriages(orgId, needId);
  if (!history.data || history.data.length < 2) return null;
  return (
    <details>
      <summary>{t('detail.triage.history')}</summary>
      <ul className="link-list">
        {history.data.slice(1).map((h) => (
          <li key={h.id}>
            <ClassificationBadge value={h.classification} />{' '}
            {t('detail.triage.by', { name: h.decidedBy?.displayName ?? '—', date: formatDate(i18n.resolvedLanguage ?? 'nl', h.decidedAt) })}
          </li>
        ))}
      </ul>
    </details>
  );
}

function StatusForm({ orgId, need }: { orgId: string; need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [status, setStatus] = useState<NeedDetail['status']>(need.status);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async () => {
    setSaved(false);
    setFailure(null);
    try {
      await updateNeed(orgId, need.id, { status });
      await client.invalidateQueries({ queryKey: needsKey(orgId) });
      setSaved(true);
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('detail.deleteConfirm'))) return;
    try {
      await deleteNeed(orgId, need.id);
      await client.invalidateQueries({ queryKey: needsKey(orgId) });
      navigate(paths.needs(orgId));
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section aria-labelledby="need-status" className="form">
      <h2 id="need-status">{t('detail.status.label')}</h2>
      <SelectField
        label={t('detail.status.label')}
        value={status}
        onChange={(v) => setStatus(v as NeedDetail['status'])}
        options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <div className="triage-nav">
        <button type="button" className="button" onClick={() => void save()}>
          {t('detail.status.save')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          {t('detail.delete')}
        </button>
      </div>
      {saved ? <Notice>{t('detail.status.saved')}</Notice> : null}
      <ErrorMessage error={failure} />
    </section>
  );
}
