import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from './i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

/** The current interface language; components using it re-render when it changes. */
export function useLanguage(): LanguageState {
  const { i18n } = useTranslation();
  const resolved = i18n.resolvedLanguage ?? i18n.language;
  const language = isLanguage(resolved) ? resolved : DEFAULT_LANGUAGE;
  const setLanguage = useCallback((next: Language) => void changeLanguage(next), []);
  return { language, setLanguage };
}
