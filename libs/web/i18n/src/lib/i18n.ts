import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type Language } from './languages';
import { readStoredLanguage, storeLanguage } from './languageStorage';
import { NAMESPACES, resources } from './resources';

declare module 'i18next' {
  // Typed keys: a misspelt or missing translation key fails the typecheck instead of showing the key.
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['id'];
  }
}

/** The one i18next instance of the web app; `initI18n()` must run before the first render. */
export const i18n: I18n = i18next.createInstance();

function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('common:app.documentTitle');
}

/**
 * Initialises translations synchronously: the remembered language if there is one, otherwise
 * Bahasa Indonesia. Keeps `<html lang>` and the document title in step with the language.
 * Safe to call more than once.
 */
export function initI18n(): I18n {
  if (i18n.isInitialized) return i18n;
  i18n.on('languageChanged', reflectLanguage);
  void i18n.use(initReactI18next).init({
    resources,
    ns: NAMESPACES,
    defaultNS: 'common',
    lng: readStoredLanguage() ?? DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    load: 'languageOnly',
    initAsync: false,
    // React already escapes text it renders.
    interpolation: { escapeValue: false },
  });
  return i18n;
}

/** The language currently shown, for code outside React (e.g. the API client's Accept-Language). */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
