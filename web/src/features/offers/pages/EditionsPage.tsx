import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Locale } from '../../../../../src/shared/roles';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  createEdition,
  deleteEdition,
  offerKey,
  offersKey,
  updateEdition,
  useOffer,
  useWaitingCounts,
  type CreateEditionBody,
  type EditionView,
  type OfferDetail,
} from '../api/offers';
import { OfferStatusBadge, OfferTabs, useDay } from '../components/bits';
import { EditionForm } from '../components/EditionForm';
import '../offers.css';

type Asking = { edition: EditionView; action: 'delete' | 'cancel' | 'reschedule' };

/** The editions of one offer (dates, seats, deadline, sessions) with their enrolled and waiting counts. */
export default function EditionsPage() {
  const { t, i18n } = useTranslation('offers');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '', offerId = '' } = useParams();
  const offer = useOffer(orgId, offerId);
  const title = pickText(offer.data?.title, lang);
  usePageTitle(title ? t('editions.pageTitle', { title }) : undefined);
  if (offer.isPending) return <Loading />;
  if (offer.error || !offer.data) return <ErrorMessage error={offer.error} />;
  return (
    <>
      <p>
        <Link to={paths.offers(orgId)}>
          <span aria-hidden="true">← </span>
          {t('editor.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      <OfferTabs orgId={orgId} offerId={offerId} />
      <Editions orgId={orgId} offer={offer.data} />
    </>
  );
}

function Editions({ orgId, offer }: { orgId: string; offer: OfferDetail }) {
  const { t } = useTranslation('offers');
  const client = useQueryClient();
  const day = useDay();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const waiting = useWaitingCounts(
    orgId,
    offer.editions.map((e) => e.id),
  );

  async function store(result: OfferDetail, message: string) {
    client.setQueryData(offerKey(orgId, offer.id), result);
    await client.invalidateQueries({ queryKey: offersKey(orgId) });
    setNotice(message);
  }

  async function save(body: CreateEditionBody, edition?: EditionView) {
    setNotice(null);
    const result = edition ? await updateEdition(orgId, offer.id, edition.id, body) : await createEdition(orgId, offer.id, body);
    await store(result, edition ? t('editions.updated') : t('editions.added'));
    setAdding(false);
    setEditing(null);
  }

  async function confirm() {
    if (!asking) return;
    const { edition, action } = asking;
    setBusy(true);
    setFailure(null);
    setRefusal(null);
    setNotice(null);
    try {
      if (action === 'delete') {
        await deleteEdition(orgId, offer.id, edition.id);
        await client.invalidateQueries({ queryKey: offerKey(orgId, offer.id) });
        await client.invalidateQueries({ queryKey: offersKey(orgId) });
        setNotice(t('editions.deleted'));
      } else {
        const result = await updateEdition(orgId, offer.id, edition.id, { status: action === 'cancel' ? 'cancelled' : 'scheduled' });
        await store(result, action === 'cancel' ? t('editions.cancelled') : t('editions.rescheduled'));
      }
    } catch (error) {
      // Someone enrolled: the edition stays; cancelling it is the way out.
      if (error instanceof ApiError && error.code === 'resource.conflict' && action === 'delete') setRefusal(t('editions.hasEnrolments'));
      else setFailure(error);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  const range = (e: EditionView) =>
    e.startsOn === e.endsOn ? day(e.startsOn) : t('editions.range', { from: day(e.startsOn), to: day(e.endsOn) });

  return (
    <>
      <p>
        {t('editions.offerStatus')} <OfferStatusBadge status={offer.status} />
        {offer.status !== 'published' ? <span className="field__hint"> {t('editions.notPublished')}</span> : null}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorMessage error={failure} />
      {refusal ? (
        <div className="alert alert--error" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      <h2>{t('editions.title', { count: offer.editions.length })}</h2>
      {adding ? (
        <section className="card offer-edition" aria-labelledby="new-edition-title">
          <h3 id="new-edition-title">{t('editions.new')}</h3>
          <EditionForm idPrefix="new-edition" onSave={(body) => save(body)} onCancel={() => setAdding(false)} />
        </section>
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            <span aria-hidden="true">+ </span>
            {t('editions.add')}
          </button>
        </p>
      )}
      {offer.editions.length === 0 ? <p className="empty">{t('editions.none')}</p> : null}
      <ul className="offer-edition-list">
        {offer.editions.map((e) => {
          const waitingCount = waiting.get(e.id);
          return (
            <li key={e.id} className={`card offer-edition${e.status === 'cancelled' ? ' offer-edition--cancelled' : ''}`}>
              <h3 className="card__title" id={`edition-${e.id}`}>
                {range(e)}
                {e.status === 'cancelled' ? <span className="badge offer-cancelled">{t('editions.statusCancelled')}</span> : null}
              </h3>
              {editing === e.id ? (
                <EditionForm idPrefix={`edition-${e.id}`} edition={e} onSave={(body) => save(body, e)} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <dl className="facts offer-edition__facts">
                    <dt>{t('editions.enrolled')}</dt>
                    <dd>{t('editions.enrolledValue', { enrolled: e.enrolledCount, capacity: e.capacity })}</dd>
                    <dt>{t('editions.free')}</dt>
                    <dd>{e.seatsLeft}</dd>
                    <dt>{t('editions.waiting')}</dt>
                    <dd>{waitingCount ?? '…'}</dd>
                    <dt>{t('editions.deadline')}</dt>
                    <dd>{e.enrolmentDeadline ? day(e.enrolmentDeadline) : t('editions.untilStart')}</dd>
                    <dt>{t('editions.sessions')}</dt>
                    <dd>
                      {e.sessions.length ? (
                        <ul className="offer-session-list">
                          {e.sessions.map((s, i) => (
                            <li key={i}>{t('editions.sessionValue', { date: day(s.date), from: s.from, to: s.to })}</li>
                          ))}
                        </ul>
                      ) : (
                        t('editions.noSessions')
                      )}
                    </dd>
                  </dl>
                  <div className="card__actions">
                    <Link className="button button--small button--primary" to={paths.editionEnrolments(orgId, offer.id, e.id)}>
                      {t('editions.participants')}
                      <span className="visually-hidden"> – {range(e)}</span>
                    </Link>
                    <button type="button" className="button button--small" onClick={() => setEditing(e.id)}>
                      {t('editions.edit')}
                      <span className="visually-hidden"> – {range(e)}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setAsking({ edition: e, action: e.status === 'cancelled' ? 'reschedule' : 'cancel' })}
                    >
                      {e.status === 'cancelled' ? t('editions.reschedule') : t('editions.cancel')}
                      <span className="visually-hidden"> – {range(e)}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => setAsking({ edition: e, action: 'delete' })}
                    >
                      {t('editions.delete')}
                      <span className="visually-hidden"> – {range(e)}</span>
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`editions.confirm.${asking.action}.title`) : ''}
        confirmLabel={asking ? t(`editions.confirm.${asking.action}.yes`) : ''}
        cancelLabel={t('actions.cancel')}
        danger={asking?.action !== 'reschedule'}
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        <p>
          {asking ? t(`editions.confirm.${asking.action}.body`, { dates: range(asking.edition), count: asking.edition.enrolledCount }) : ''}
        </p>
      </ConfirmDialog>
    </>
  );
}
