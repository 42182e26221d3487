import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInBrussels } from '../../../../../src/domain/calendar/brussels';
import type { Locale } from '../../../../../src/shared/roles';
import { pickText, type LocalizedText } from '../../../components/localized';

/** Plain words for the numbers, dates and codes of an offer, in the screen language. */
export function useFormat() {
  const { t, i18n } = useTranslation('learner');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  return useMemo(() => {
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 });
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    const shortDate = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const languages = new Intl.DisplayNames([lang], { type: 'language' });
    const list = new Intl.ListFormat(lang, { type: 'conjunction' });
    const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);
    return {
      lang,
      text: (value: LocalizedText | null | undefined) => pickText(value, lang),
      /** "Gratis" or "€ 120". */
      price: (cents: number) => (cents === 0 ? t('price.free') : money.format(cents / 100)),
      euros: (cents: number) => money.format(cents / 100),
      /** "3 uur", "1,5 uur", "45 minuten". */
      duration: (minutes: number) =>
        minutes < 60
          ? t('duration.minutes', { count: minutes })
          : t('duration.hours', { count: minutes / 60, hours: number.format(minutes / 60) }),
      date: (iso: string) => date.format(toDate(iso)),
      shortDate: (iso: string) => shortDate.format(toDate(iso)),
      language: (code: string) => {
        const name = languages.of(code) ?? code;
        return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
      },
      /** The language name as it sits inside a sentence ("in het Nederlands", "en néerlandais"). */
      languageInText: (code: string) => languages.of(code) ?? code,
      list: (items: string[]) => list.format(items),
      region: (key: string) => t(`region.${key}`, { defaultValue: key }),
      recognition: (key: string) => t(`recognition.${key}`, { defaultValue: key }),
      format: (key: string) => t(`format.${key}`, { defaultValue: key }),
      accessibility: (key: string) => t(`accessibility.${key}`, { defaultValue: key }),
      level: (level: number) => t(`level.${level}`, { defaultValue: String(level) }),
    };
  }, [t, lang]);
}

export type Format = ReturnType<typeof useFormat>;

/** The edition still takes enrolments: before the deadline (inclusive) or, without one, before the first day. */
export function enrolmentOpen(
  edition: { startsOn: string; enrolmentDeadline: string | null },
  today = todayInBrussels(new Date()),
): boolean {
  return edition.enrolmentDeadline ? today <= edition.enrolmentDeadline : today < edition.startsOn;
}
