import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useDefaultScale, useDisagreements, type Disagreements } from '../api/diagnosis';
import { DiagnosisTabs } from '../components/DiagnosisTabs';
import { FilterBar } from '../components/FilterBar';
import { useFilters } from '../components/filters';
import { useLabels } from '../components/labels';
import { LevelView } from '../components/LevelView';
import { useDiagnosisAccess } from '../components/useOrgAccess';
import '../diagnosis.css';

type Item = Disagreements['items'][number];

/** Where a person and their supervisor see a competence differently (2 levels or more): worth a conversation. */
export default function DisagreementsPage() {
  const { t } = useTranslation('diagnosis');
  usePageTitle(t('disagreements.title'));
  const { orgId = '' } = useParams();
  const [filters, change] = useFilters();
  const access = useDiagnosisAccess(orgId);
  const list = useDisagreements(orgId, filters);
  const scale = useDefaultScale();
  const labels = useLabels();
  return (
    <>
      <h1>{t('disagreements.title')}</h1>
      <p className="lead">{t('disagreements.intro')}</p>
      <DiagnosisTabs orgId={orgId} filters={filters} />
      <FilterBar orgId={orgId} filters={filters} onChange={change} canChooseCampaign={access.canChooseCampaign} />
      <div className="conversation-hint">
        <TalkIcon />
        <p>{t('disagreements.hint')}</p>
      </div>
      {list.isPending ? <Loading /> : null}
      <ErrorMessage error={list.error} />
      {list.data?.anonymousCampaign ? <p className="empty">{t('disagreements.anonymous')}</p> : null}
      {list.data && !list.data.anonymousCampaign ? (
        <>
          <p className="diagnosis-status" role="status">
            {t('disagreements.count', { count: list.data.items.length })}
          </p>
          <DataTable<Item>
            caption={t('disagreements.caption')}
            rows={list.data.items}
            rowKey={(i) => `${i.personId}:${i.competence.id}`}
            empty={t('disagreements.none')}
            columns={[
              {
                key: 'person',
                header: t('disagreements.person'),
                rowHeader: true,
                render: (i) => <Link to={paths.personDiagnosis(orgId, i.personId)}>{i.personName}</Link>,
              },
              { key: 'team', header: t('disagreements.team'), render: (i) => i.team?.name ?? t('group.none.team') },
              { key: 'competence', header: t('disagreements.competence'), render: (i) => labels.competence(i.competence.label) },
              {
                key: 'self',
                header: t('disagreements.self'),
                render: (i) => <LevelView level={i.selfLevel} scale={scale.data} size={28} />,
              },
              {
                key: 'supervisor',
                header: t('disagreements.supervisor'),
                render: (i) => <LevelView level={i.supervisorLevel} scale={scale.data} size={28} />,
              },
              {
                key: 'difference',
                header: t('disagreements.difference'),
                numeric: true,
                render: (i) => t('disagreements.levels', { count: Math.abs(i.selfLevel - i.supervisorLevel) }),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

function TalkIcon() {
  return (
    <svg
      width="40"
      height="40"
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="#1b1b1b"
      strokeWidth="2.5"
      strokeLinejoin="round"
    >
      <path d="M6 10h24v14H16l-6 5v-5H6z" fill="#d6ecff" />
      <path d="M34 18h8v14h-4v5l-6-5H20v-4" fill="#fde7b0" />
    </svg>
  );
}
