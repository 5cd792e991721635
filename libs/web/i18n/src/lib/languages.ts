/** Languages the interface is written in, Bahasa Indonesia first: it is the default and the fallback. */
export const SUPPORTED_LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'id';

/** BCP 47 locale used for dates and numbers in each language. */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}
