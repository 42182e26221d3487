import { useTranslation } from 'react-i18next';
import { http } from '../api/http';
import { useSession } from '../api/session';
import { storeLanguage, uiLanguages } from '../app/i18n';
import type { Locale } from '../../../src/shared/roles';

/** Each language names itself, so someone who cannot read the current one still finds theirs. */
const ownNames: Record<Locale, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/**
 * Always visible: three buttons NL · FR · EN. The choice is kept on this device and, when signed
 * in, in the account (PUT /api/auth/locale) so e-mails and exports follow it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const change = async (lang: Locale) => {
    storeLanguage(lang);
    await i18n.changeLanguage(lang);
    if (session.data) {
      // The language on screen has already changed; saving it on the account is best effort.
      await http.put('/api/auth/locale', { locale: lang }).catch(() => undefined);
    }
  };
  return (
    <nav className="language-switch" aria-label={t('shell.language')}>
      <ul>
        {uiLanguages.map((lang) => {
          const active = i18n.resolvedLanguage === lang;
          return (
            <li key={lang}>
              <button type="button" lang={lang} aria-pressed={active} onClick={() => void change(lang)} title={ownNames[lang]}>
                <span aria-hidden="true">{lang.toUpperCase()}</span>
                <span className="visually-hidden">{ownNames[lang]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
