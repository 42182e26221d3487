import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Locale } from '../../../../../src/shared/roles';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { Field, SelectField } from '../../../components/Field';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { useDebounced } from '../../../components/useDebounced';
import { usePageTitle } from '../../../components/usePageTitle';
import { useOffers, type OfferStatus } from '../api/offers';
import { OfferStatusBadge, useDay } from '../components/bits';
import { ImportPanel } from '../components/ImportPanel';
import { formatEuro, hoursInput } from '../../../components/money';
import '../offers.css';

/** The provider's own offers: filter by status, search by code or title, start a new one, import and export. */
export default function OfferListPage() {
  const { t, i18n } = useTranslation('offers');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  usePageTitle(t('list.title'));
  const { orgId = '' } = useParams();
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const [status, setStatus] = useState<OfferStatus | ''>('');
  const [q, setQ] = useState('');
  const search = useDebounced(q);
  const offers = useOffers(orgId, { status: status || undefined, q: search });
  const day = useDay();
  const filtered = Boolean(status || search.trim());
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      {deleted ? <Notice>{t('list.deleted', { code: deleted })}</Notice> : null}
      <p>
        <Link className="button button--primary" to={paths.newOffer(orgId)}>
          <span aria-hidden="true">+ </span>
          {t('list.new')}
        </Link>
      </p>
      <div className="offer-filters" role="search" aria-label={t('list.filters')}>
        <SelectField
          label={t('list.statusFilter')}
          value={status}
          onChange={(value) => setStatus(value as OfferStatus | '')}
          options={[
            { value: '', label: t('list.all') },
            ...(['draft', 'published', 'archived'] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Field
          label={t('list.search')}
          hint={t('list.searchHint')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
          autoComplete="off"
        />
      </div>
      {offers.isPending ? <Loading /> : null}
      <ErrorMessage error={offers.error} />
      {offers.data ? (
        <>
          <p role="status">{t('list.count', { count: offers.data.length })}</p>
          <DataTable
            caption={t('list.caption')}
            rows={offers.data}
            rowKey={(o) => o.id}
            empty={filtered ? t('list.noneFound') : t('list.none')}
            columns={[
              {
                key: 'title',
                header: t('list.offer'),
                rowHeader: true,
                render: (o) => (
                  <>
                    <Link to={paths.offer(orgId, o.id)}>{pickText(o.title, lang) || o.code}</Link>
                    <br />
                    <code>{o.code}</code>
                  </>
                ),
              },
              { key: 'status', header: t('list.status'), render: (o) => <OfferStatusBadge status={o.status} /> },
              { key: 'format', header: t('list.format'), render: (o) => t(`format.${o.format}`) },
              {
                key: 'competences',
                header: t('list.competences'),
                render: (o) => (
                  <>
                    {o.competenceCount}
                    {o.unconfirmedCount ? (
                      <span className="offer-todo"> · {t('list.toConfirm', { count: o.unconfirmedCount })}</span>
                    ) : null}
                  </>
                ),
              },
              { key: 'next', header: t('list.next'), render: (o) => (o.nextStartsOn ? day(o.nextStartsOn) : t('list.noEdition')) },
              { key: 'hours', header: t('list.hours'), numeric: true, render: (o) => hoursInput(o.durationMinutes, lang) },
              { key: 'price', header: t('list.price'), numeric: true, render: (o) => formatEuro(o.priceCents, lang) },
            ]}
          />
        </>
      ) : null}
      <ImportPanel orgId={orgId} />
    </>
  );
}
