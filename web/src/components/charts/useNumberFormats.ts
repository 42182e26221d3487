import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormats } from './scale';

/** Number formats in the screen language (stable between renders, so charts do not redraw for nothing). */
export function useNumberFormats() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  return useMemo(() => numberFormats(lang), [lang]);
}
