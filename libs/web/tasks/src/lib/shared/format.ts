import { formatDateTime, type Language } from '@gugus/web-i18n';

/** Date and time in Western Indonesia Time, labelled as such: "2 Desember 2026 pukul 09.00 WIB". */
export function wib(iso: string, language: Language): string {
  return `${formatDateTime(iso, language, { seconds: false })} WIB`;
}
