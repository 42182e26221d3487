import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { Locale } from '../../../../../src/shared/roles';
import { useChildren, type TreeNodeView } from '../api/frameworks';

/**
 * A framework as nested lists with disclosure buttons: Tab moves between buttons and links,
 * Enter or Space opens and closes a branch. Children are fetched when a branch is first opened,
 * so an ESCO tree of thousands of skills costs one small request per click.
 */
export function CompetenceTree({ orgId, frameworkId, label }: { orgId: string; frameworkId: string; label: string }) {
  return (
    <div className="tree">
      <Branch orgId={orgId} frameworkId={frameworkId} parentId={null} label={label} />
    </div>
  );
}

function Branch({
  orgId,
  frameworkId,
  parentId,
  label,
  id,
}: {
  orgId: string;
  frameworkId: string;
  parentId: string | null;
  label: string;
  id?: string;
}) {
  const { t } = useTranslation('frameworks');
  const children = useChildren(frameworkId, parentId, true);
  if (children.isPending) return <Loading>{t('tree.loading')}</Loading>;
  if (children.isError) return <ErrorMessage error={children.error} />;
  if (children.data.length === 0) return <p className="empty">{t('tree.empty')}</p>;
  return (
    <ul id={id} aria-label={label}>
      {children.data.map((node) => (
        <Node key={node.id} orgId={orgId} frameworkId={frameworkId} node={node} />
      ))}
    </ul>
  );
}

function Node({ orgId, frameworkId, node }: { orgId: string; frameworkId: string; node: TreeNodeView }) {
  const { t, i18n } = useTranslation('frameworks');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [open, setOpen] = useState(false);
  const branchId = useId();
  const label = pickText(node.label, lang) || node.key;
  if (node.childCount === 0) {
    return (
      <li className="tree__leaf">
        <Link to={paths.competence(orgId, node.id)}>{label}</Link>
      </li>
    );
  }
  return (
    <li className="tree__branch">
      <div className="tree__row">
        <button
          type="button"
          className="tree__toggle"
          aria-expanded={open}
          aria-controls={open ? branchId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="tree__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span>{label}</span>
          <span className="badge">{t('tree.childCount', { count: node.childCount })}</span>
        </button>
        {node.kind !== 'group' ? (
          <Link className="tree__details" to={paths.competence(orgId, node.id)}>
            {t('tree.details')}
            <span className="visually-hidden">: {label}</span>
          </Link>
        ) : null}
      </div>
      {open ? <Branch orgId={orgId} frameworkId={frameworkId} parentId={node.id} label={label} id={branchId} /> : null}
    </li>
  );
}
