import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/roles';
import { DataTable } from '../../../components/DataTable';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import {
  actionEnrolmentsKey,
  enrolPeople,
  planKey,
  useActionEnrolments,
  type ActionView,
  type EnrolmentView,
  type PlanDetail,
} from '../api/plans';
import { editionDates } from './offer-text';

/** The enrolment that counts for a person: an active one, else the latest cancelled one. */
function enrolmentOf(list: EnrolmentView[], personId: string): EnrolmentView | undefined {
  const own = list.filter((e) => e.personId === personId);
  return own.find((e) => e.status !== 'cancelled') ?? own[own.length - 1];
}

/**
 * HR enrols the action's named participants in the linked edition (POST …/enrolments with the
 * plan action), and sees per person: enrolled, on the waiting list (with the place) or not yet.
 */
export function EnrolPanel({ orgId, plan, action }: { orgId: string; plan: PlanDetail; action: ActionView }) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const edition = action.offer?.edition ?? null;
  const enrolments = useActionEnrolments(orgId, action.id, Boolean(edition));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!action.offer || !edition) return null;

  const list = (enrolments.data ?? []).filter((e) => e.editionId === edition.id);
  const waiting = action.participants.filter((p) => {
    const e = enrolmentOf(list, p.personId);
    return !e || e.status === 'cancelled';
  });
  const open = plan.status !== 'closed' && plan.can.write && edition.status === 'scheduled';

  const statusText = (personId: string) => {
    const e = enrolmentOf(list, personId);
    if (!e) return t('enrol.status.none');
    if (e.status === 'waitlisted') return t('enrol.status.waitlisted', { position: e.waitlistPosition ?? '?' });
    return t(`enrol.status.${e.status}`, { defaultValue: e.status });
  };

  async function enrol() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await enrolPeople(orgId, {
        editionId: edition!.id,
        personIds: waiting.map((p) => p.personId),
        planActionId: action.id,
      });
      setDone(
        t('enrol.done', {
          enrolled: result.filter((e) => e.status === 'enrolled').length,
          waitlisted: result.filter((e) => e.status === 'waitlisted').length,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      await client.invalidateQueries({ queryKey: actionEnrolmentsKey(orgId, action.id) });
      await client.invalidateQueries({ queryKey: planKey(orgId, plan.id) });
      setBusy(false);
    }
  }

  return (
    <section className="plan-section" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      <p>
        {t('enrol.edition', {
          offer: pickText(action.offer.title, lang),
          provider: action.offer.providerName,
          dates: editionDates(edition, lang),
        })}{' '}
        {edition.status === 'cancelled' ? t('offer.cancelled') : t('offer.seats', { count: edition.seatsLeft })}
      </p>
      {enrolments.isPending ? <Loading /> : null}
      <ErrorMessage error={enrolments.error} />
      {action.participants.length === 0 ? (
        <p>{t('enrol.noParticipants')}</p>
      ) : (
        <DataTable
          caption={t('enrol.caption', { title: action.title })}
          rows={action.participants}
          rowKey={(p) => p.personId}
          empty={t('enrol.noParticipants')}
          columns={[
            { key: 'person', header: t('enrol.person'), rowHeader: true, render: (p) => p.displayName },
            { key: 'status', header: t('enrol.enrolment'), render: (p) => statusText(p.personId) },
          ]}
        />
      )}
      {done ? <Notice>{done}</Notice> : null}
      <ErrorMessage error={error} focus />
      {open && waiting.length > 0 && enrolments.data ? (
        <>
          <p className="field__hint">{t('enrol.hint')}</p>
          <button type="button" className="button button--primary" onClick={() => void enrol()} disabled={busy}>
            {t('enrol.button', { count: waiting.length })}
          </button>
        </>
      ) : null}
    </section>
  );
}
