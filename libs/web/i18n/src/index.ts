export { changeLanguage, currentLanguage, initI18n } from './lib/i18n';
export { DEFAULT_LANGUAGE, isLanguage, LOCALES, SUPPORTED_LANGUAGES, type Language } from './lib/languages';
export { DISPLAY_TIME_ZONE, formatDate, formatDateTime, formatNumber, formatShortDateTime, jakartaToday } from './lib/formatDateTime';
export { useLanguage, type LanguageState } from './lib/useLanguage';
export type { Namespace } from './lib/resources';
