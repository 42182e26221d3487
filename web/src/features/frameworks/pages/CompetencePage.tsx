import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { pick, pickText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { useCompetence } from '../api/frameworks';
import { Attribution } from '../components/Attribution';

const languages: Locale[] = ['nl', 'fr', 'en'];

export default function CompetencePage() {
  const { t, i18n } = useTranslation('frameworks');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '', competenceId = '' } = useParams();
  const competence = useCompetence(competenceId);
  const shown = competence.data ? pick(competence.data.label, lang) : null;
  usePageTitle(shown?.text ?? competence.data?.key);
  if (competence.isPending) return <Loading />;
  if (competence.isError) return <ErrorMessage error={competence.error} />;
  const c = competence.data;
  const description = pick(c.description, lang);
  const frameworkTitle = pickText(c.framework.title, lang) || c.framework.key;
  return (
    <article>
      <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.frameworks(orgId)}>{t('list.title')}</Link>
          </li>
          <li>
            <Link to={paths.framework(orgId, c.framework.id)}>{frameworkTitle}</Link>
          </li>
          {c.path.map((p) => (
            <li key={p.id}>
              <Link to={paths.competence(orgId, p.id)}>{pickText(p.label, lang)}</Link>
            </li>
          ))}
          <li aria-current="page">{shown?.text ?? c.key}</li>
        </ol>
      </nav>
      <h1 lang={shown && shown.lang !== lang ? shown.lang : undefined}>{shown?.text ?? c.key}</h1>
      <p className="card__meta">
        {t(`kind.${c.kind}`, { defaultValue: c.kind })}
        {c.code ? ` · ${c.code}` : ''}
      </p>
      {description ? (
        <p className="lead" lang={description.lang !== lang ? description.lang : undefined}>
          {description.text}
        </p>
      ) : null}

      <section aria-labelledby="names-heading">
        <h2 id="names-heading">{t('detail.names')}</h2>
        <dl className="names">
          {languages.map((l) => (
            <div key={l}>
              <dt>{t(`language.${l}`)}</dt>
              <dd lang={l}>{c.label[l] || <span lang={lang}>{t('detail.noName')}</span>}</dd>
              {c.altLabels[l]?.length ? (
                <dd className="names__alt">
                  <span lang={lang}>{t('detail.alsoCalled')}: </span>
                  <span lang={l}>{c.altLabels[l]!.join(', ')}</span>
                </dd>
              ) : null}
            </div>
          ))}
        </dl>
      </section>

      {c.children.length ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t('detail.children')}</h2>
          <ul className="link-list">
            {c.children.map((child) => (
              <li key={child.id}>
                <Link to={paths.competence(orgId, child.id)}>{pickText(child.label, lang)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.relatedCompetences.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('detail.related')}</h2>
          <ul className="link-list">
            {c.relatedCompetences.map((r) => (
              <li key={`${r.id}-${r.relation}-${r.direction}`}>
                <Link to={paths.competence(orgId, r.id)}>{pickText(r.label, lang)}</Link>{' '}
                <span className="badge">{t(`relation.${r.relation}`, { defaultValue: r.relation })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="occupations-heading">
        <h2 id="occupations-heading">{t('detail.occupations')}</h2>
        {c.occupations.length ? (
          <ul className="link-list">
            {c.occupations.map((o) => (
              <li key={o.id}>
                {pickText(o.label, lang)} <span className="badge">{t(`relation.${o.relation}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('detail.noOccupations')}</p>
        )}
      </section>
      <Attribution source={c.framework.key.startsWith('esco') ? 'esco' : 'own'} attribution={c.framework.attribution} />
    </article>
  );
}
