import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../../app/paths';
import type { OfferStatus } from '../api/offers';

/** "12 mrt. 2030" for a YYYY-MM-DD date, in the UI language (the date itself, no time zone shift). */
export function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso: string | null | undefined) => (iso ? format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '–');
}

/** Today's date (YYYY-MM-DD) on this device. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const statusMarks: Record<OfferStatus, string> = { draft: '✎', published: '✓', archived: '▣' };

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation('offers');
  return (
    <span className={`offer-status offer-status--${status}`}>
      <span aria-hidden="true">{statusMarks[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}

/** The two pages of one offer: its details and its editions with their participants. */
export function OfferTabs({ orgId, offerId }: { orgId: string; offerId: string }) {
  const { t } = useTranslation('offers');
  return (
    <nav className="offer-tabs" aria-label={t('tabs.label')}>
      <ul>
        <li>
          <NavLink to={paths.offer(orgId, offerId)} end>
            {t('tabs.details')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.offerEditions(orgId, offerId)}>{t('tabs.editions')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/**
 * The server names a field and says in English what is wrong with it (docs/api.md); the screen
 * says it in the person's language. Known messages get their own words, the rest a general line.
 */
const known: Array<[RegExp, string]> = [
  [/must not be in the past/, 'past'],
  [/must not be below the (\d+) seats/, 'capacityBelow'],
  [/must be on or after startsOn/, 'endBeforeStart'],
  [/must be on or before startsOn/, 'deadlineAfterStart'],
  [/must lie between startsOn and endsOn/, 'sessionOutside'],
  [/must be after from/, 'timeOrder'],
  [/must be a time|\^\[0-9\]\{2\}:\[0-9\]\{2\}\$/, 'time'],
  [/must be a date|format "date"/, 'date'],
  [/is required for format/, 'postcodeRequired'],
  [/Belgian postcode|\^\[0-9\]\{4\}\$/, 'postcode'],
  [/exists already/, 'codeTaken'],
  [/at least one confirmed competence/, 'needsCompetence'],
  [/not a known funding instrument/, 'recognition'],
  [/listed twice|lists a language twice/, 'twice'],
  [/does not exist or is not readable/, 'competenceUnknown'],
  [/is a group of competences/, 'competenceGroup'],
  [/must not be in the future/, 'future'],
  [/must not be before the edition starts/, 'beforeStart'],
  [/has no seat/, 'noSeat'],
  [/is required|fewer than 1 characters|needs at least one|must have required property/, 'required'],
  [/must be >=|at least 1|above 0/, 'tooSmall'],
  [/must be <=/, 'tooBig'],
];

export function useFieldErrorText() {
  const { t } = useTranslation('offers');
  const one = (field: string, message: string): string => {
    for (const [pattern, key] of known) {
      const m = pattern.exec(message);
      if (m) return m[1] ? t(`fieldErrors.${key}`, { count: Number(m[1]) }) : t(`fieldErrors.${key}`);
    }
    if (field === 'code') return t('fieldErrors.code');
    return t('fieldErrors.invalid');
  };
  /** Field → message from the server → field → message in the UI language. */
  return (errors: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, one(field, message)]));
}
