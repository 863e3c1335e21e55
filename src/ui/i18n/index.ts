/**
 * The i18n catalogue: i18next with one resource bundle per area (locales/*.ts), each
 * exporting `{ en: {...}, 'zh-CN': {...} }`. The language follows the browser unless the
 * user picked one in settings.
 */
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { normaliseLanguage } from '../../domain/language';
import type { Language } from '../../domain/model';
import { catalogue } from './catalogue';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

export { normaliseLanguage };

let started = false;

export function initI18n(forced?: Language): typeof i18next {
  if (!started) {
    started = true;
    void i18next
      .use(LanguageDetector)
      .use(initReactI18next)
      .init({
        resources: {
          en: { translation: catalogue.en },
          'zh-CN': { translation: catalogue['zh-CN'] },
        },
        lng: forced,
        initAsync: false,
        fallbackLng: 'en',
        supportedLngs: ['zh-CN', 'en'],
        detection: {
          order: ['navigator'],
          caches: [],
          convertDetectedLanguage: (lng: string) => normaliseLanguage(lng),
        },
        interpolation: { escapeValue: false },
        returnNull: false,
      });
  } else if (forced && i18next.language !== forced) {
    void i18next.changeLanguage(forced);
  }
  return i18next;
}

/**
 * Creates a number format and plural rules for the language in a task of their own: the first
 * Intl object of a locale loads its ICU data (~17 ms), which would otherwise land in the task
 * that first draws the workspace.
 */
export function warmLocaleData(): void {
  setTimeout(() => {
    const lang = currentLanguage();
    new Intl.NumberFormat(lang).format(0);
    new Intl.PluralRules(lang).select(0);
  }, 0);
}

export function currentLanguage(): Language {
  return normaliseLanguage(i18next.resolvedLanguage ?? i18next.language);
}
