import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src/shared/roles';

/** UI languages: Dutch is the default, French and English are equal alternatives. */
export const uiLanguages: readonly Locale[] = ['nl', 'fr', 'en'];
export const namespaces = [
  'common',
  'auth',
  'organisations',
  'frameworks',
  'profiles',
  'imports',
  'errors',
  'campaigns',
  'team-assessment',
  'starr',
  'learning-questions',
  'organisation-issues',
  'needs',
  'survey',
  'diagnosis',
  'charts',
  'plan',
  'learner',
  'offers',
] as const;
const STORAGE_KEY = 'leerkompas.locale';

// All message files are small; bundling them avoids a flash of untranslated text.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, messages] of Object.entries(files)) {
  const match = /locales\/([a-z]+(?:-[a-z]+)?)\/([a-z-]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match;
  (resources[lang] ??= {})[ns] = messages;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

/** The language the person chose on this device, if any. */
export function storedLanguage(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

function browserLanguage(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'nl';
}

export function currentLanguage(): Locale {
  return isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'nl';
}

/**
 * Easy Dutch ("Makkelijk Nederlands", `nl-easy`) exists only in the self-assessment survey: its
 * texts fall back to Dutch, and the page language stays Dutch for browsers and screen readers.
 */
export const EASY_DUTCH = 'nl-easy';

i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang === EASY_DUTCH ? 'nl' : lang;
});

export const i18nReady = i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...uiLanguages, EASY_DUTCH],
  // Keeps "nl-easy" as written (i18next would otherwise read "easy" as a script subtag, "nl-Easy").
  lowerCaseLng: true,
  ns: [...namespaces],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
